import { describe, expect, it } from 'vitest';
import { money } from './money.ts';
import { applyPercentageDiscount, isValidPercentage } from './percentage.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('applyPercentageDiscount', () => {
  it('takes the percentage off and rounds the result half-even once', () => {
    expect(applyPercentageDiscount(money(1000, 'EUR'), '12.5')).toEqual(money(875, 'EUR'));
    expect(applyPercentageDiscount(money(999, 'EUR'), '12.5').amountMinor).toBe(874); // 874.125
    expect(applyPercentageDiscount(money(10, 'EUR'), '25').amountMinor).toBe(8); // 7.5 → even
    expect(applyPercentageDiscount(money(30, 'EUR'), '25').amountMinor).toBe(22); // 22.5 → even
    expect(applyPercentageDiscount(money(-10, 'EUR'), '25').amountMinor).toBe(-8);
    expect(applyPercentageDiscount(money(1000, 'EUR'), 12.5).amountMinor).toBe(875);
    expect(applyPercentageDiscount(money(1000, 'JPY'), 0.1)).toEqual(money(999, 'JPY')); // 999.0
    expect(applyPercentageDiscount(money(1234, 'EUR'), '0')).toEqual(money(1234, 'EUR'));
    expect(applyPercentageDiscount(money(1234, 'EUR'), '100')).toEqual(money(0, 'EUR'));
    expect(applyPercentageDiscount(money(1234, 'EUR'), '100.000')).toEqual(money(0, 'EUR'));
    expect(applyPercentageDiscount(money(Number.MAX_SAFE_INTEGER, 'EUR'), '0.00000000000000000001').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses anything but a plain percentage from 0 to 100', () => {
    const invalid: unknown[] = ['-1', '-0', '100.01', '101', 'abc', '', ' 5', '5 ', '+5', '1e1', '0x10', '.5', '5.', 'NaN', 'Infinity', '0.000000000000000000001', -1, 100.5, NaN, Infinity, null, undefined];
    for (const percent of invalid) {
      expect(isValidPercentage(percent), String(percent)).toBe(false);
      expectMoneyError(() => applyPercentageDiscount(money(100, 'EUR'), percent as string), 'invalid_percentage');
    }
    for (const percent of ['0', '12.5', '100', '007.5', 0, 12.5, 100]) expect(isValidPercentage(percent)).toBe(true);
  });
});
