import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES } from './currency.ts';
import { fromDecimalString, toDecimalString } from './format.ts';
import { money } from './money.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('toDecimalString', () => {
  it('places the decimal point by the currency exponent', () => {
    expect(toDecimalString(money(1234, 'EUR'))).toBe('12.34');
    expect(toDecimalString(money(5, 'EUR'))).toBe('0.05');
    expect(toDecimalString(money(-5, 'EUR'))).toBe('-0.05');
    expect(toDecimalString(money(0, 'EUR'))).toBe('0.00');
    expect(toDecimalString(money(1234, 'JPY'))).toBe('1234');
    expect(toDecimalString(money(-1234, 'JPY'))).toBe('-1234');
    expect(toDecimalString(money(1234, 'BHD'))).toBe('1.234');
    expect(toDecimalString(money(12_345, 'CLF'))).toBe('1.2345');
    expect(toDecimalString(money(Number.MAX_SAFE_INTEGER, 'EUR'))).toBe('90071992547409.91');
  });
});

describe('fromDecimalString', () => {
  it('parses exactly into minor units', () => {
    expect(fromDecimalString('12.34', 'EUR')).toEqual(money(1234, 'EUR'));
    expect(fromDecimalString('12.3', 'EUR')).toEqual(money(1230, 'EUR'));
    expect(fromDecimalString('12', 'EUR')).toEqual(money(1200, 'EUR'));
    expect(fromDecimalString('-0.05', 'EUR')).toEqual(money(-5, 'EUR'));
    expect(fromDecimalString('0012.30', 'EUR')).toEqual(money(1230, 'EUR'));
    expect(fromDecimalString('1234', 'JPY')).toEqual(money(1234, 'JPY'));
    expect(fromDecimalString('1.234', 'BHD')).toEqual(money(1234, 'BHD'));
    expect(fromDecimalString('0.1', 'EUR').amountMinor).toBe(10); // no 0.1 float error
    expect(Object.is(fromDecimalString('-0.00', 'EUR').amountMinor, 0)).toBe(true);
    expect(fromDecimalString('90071992547409.91', 'EUR').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses more decimals than the currency has, and anything that is not plain decimal text', () => {
    expectMoneyError(() => fromDecimalString('12.345', 'EUR'), 'invalid_amount');
    expectMoneyError(() => fromDecimalString('12.340', 'EUR'), 'invalid_amount');
    expectMoneyError(() => fromDecimalString('1.5', 'JPY'), 'invalid_amount');
    expectMoneyError(() => fromDecimalString('1.0', 'JPY'), 'invalid_amount');
    expectMoneyError(() => fromDecimalString('1.2345', 'BHD'), 'invalid_amount');
    for (const text of ['', ' 1', '1 ', '1e3', '1E3', '1.5e2', 'NaN', 'Infinity', '-Infinity', '+1', '--1', '1-', '1,00', '.5', '5.', '0x10', '١٢', '1_000']) {
      expectMoneyError(() => fromDecimalString(text, 'EUR'), 'invalid_amount');
    }
    expectMoneyError(() => fromDecimalString(12 as unknown as string, 'EUR'), 'invalid_amount');
    expectMoneyError(() => fromDecimalString('90071992547409.92', 'EUR'), 'overflow');
    expectMoneyError(() => fromDecimalString('1', 'XAU'), 'unknown_currency');
  });

  it('property: parsing the formatted amount gives it back, for every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (currency, amount) => {
        const original = money(amount, currency);
        expect(fromDecimalString(toDecimalString(original), currency)).toEqual(original);
      }),
    );
  });
});
