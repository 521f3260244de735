import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from './money.ts';
import { prorate } from './proration.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('prorate', () => {
  it('charges the share of the used days, rounded half-even once', () => {
    expect(prorate(money(3000, 'EUR'), 10, 30)).toEqual(money(1000, 'EUR'));
    expect(prorate(money(1000, 'EUR'), 1, 3).amountMinor).toBe(333); // 333.33…
    expect(prorate(money(1000, 'EUR'), 2, 3).amountMinor).toBe(667); // 666.67
    expect(prorate(money(5, 'EUR'), 1, 2).amountMinor).toBe(2); // 2.5 → even
    expect(prorate(money(7, 'EUR'), 1, 2).amountMinor).toBe(4); // 3.5 → even
    expect(prorate(money(-7, 'EUR'), 1, 2).amountMinor).toBe(-4);
    expect(prorate(money(2999, 'EUR'), 0, 31).amountMinor).toBe(0);
    expect(prorate(money(2999, 'EUR'), 31, 31).amountMinor).toBe(2999);
    expect(prorate(money(Number.MAX_SAFE_INTEGER, 'EUR'), 1, 1).amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses day counts that are not 0 ≤ used ≤ total, total > 0, whole', () => {
    const a = money(1000, 'EUR');
    for (const [used, total] of [[1, 0], [0, 0], [-1, 30], [31, 30], [1.5, 30], [1, 30.5], [NaN, 30], [1, Infinity]]) {
      expectMoneyError(() => prorate(a, used, total), 'invalid_proration');
    }
  });

  it('property: the two shares of a split add up to the amount within one minor unit', () => {
    const split = fc.integer({ min: 1, max: 3660 }).chain((total) => fc.tuple(fc.constant(total), fc.integer({ min: 0, max: total })));
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), split, (amount, [total, used]) => {
        const a = money(amount, 'EUR');
        const parts = prorate(a, used, total).amountMinor + prorate(a, total - used, total).amountMinor;
        expect(Math.abs(parts - amount)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
