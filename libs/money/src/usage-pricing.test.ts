import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyDecimal } from './money-decimal.ts';
import { money } from './money.ts';
import { expectMoneyError } from './test-helpers.ts';
import { priceUsage } from './usage-pricing.ts';
import type { UsageTier } from './usage-tiers.ts';

const tier = (tierStart: number, tierEnd: number | null, unitPriceCents: number, unitDivisor: number): UsageTier => ({
  tierStart, tierEnd, unitPriceCents, unitDivisor, unitLabel: 'tokens',
});
const per1000 = (price: number) => [tier(0, null, price, 1000)];

describe('priceUsage', () => {
  it('prices 1,234,567 tokens at 25 per 1,000: 30,864.175 → 30,864', () => {
    const charge = priceUsage(per1000(25), 1_234_567, 'EUR');
    expect(charge.amount).toEqual(money(30_864, 'EUR'));
    expect(charge.exactTotalMinor).toBe('30864.175');
    expect(charge.breakdown).toEqual([{ tierIndex: 0, quantity: 1_234_567, exactMinor: '30864.175' }]);
  });

  it('rounds exact halves to even: 0.5 → 0, 1.5 → 2, 2.5 → 2, 3.5 → 4', () => {
    expect(priceUsage(per1000(5), 100, 'EUR').amount.amountMinor).toBe(0);
    expect(priceUsage(per1000(5), 300, 'EUR').amount.amountMinor).toBe(2);
    expect(priceUsage(per1000(5), 500, 'EUR').amount.amountMinor).toBe(2);
    expect(priceUsage(per1000(5), 700, 'EUR').amount.amountMinor).toBe(4);
    expect(priceUsage(per1000(5), 701, 'EUR').amount.amountMinor).toBe(4);
  });

  it('charges each unit at the price of its tier, across three tiers, rounding once', () => {
    // first 1,000 free; 1,000–10,000 at 25 per 1,000; beyond at 10 per 1,000
    const tiers = [tier(0, 1000, 0, 1000), tier(1000, 10_000, 25, 1000), tier(10_000, null, 10, 1000)];
    const charge = priceUsage(tiers, 25_555, 'EUR');
    expect(charge.breakdown).toEqual([
      { tierIndex: 0, quantity: 1000, exactMinor: '0' },
      { tierIndex: 1, quantity: 9000, exactMinor: '225' },
      { tierIndex: 2, quantity: 15_555, exactMinor: '155.55' },
    ]);
    expect(charge.exactTotalMinor).toBe('380.55');
    expect(charge.amount).toEqual(money(381, 'EUR'));
    // only the tiers that received units appear
    expect(priceUsage(tiers, 999, 'EUR').breakdown).toEqual([{ tierIndex: 0, quantity: 999, exactMinor: '0' }]);
    expect(priceUsage(tiers, 1000, 'EUR').breakdown).toHaveLength(1);
    expect(priceUsage(tiers, 1001, 'EUR').breakdown).toHaveLength(2);
  });

  it('rounds once on the total, not per tier', () => {
    // 0.4 + 0.4 = 0.8 → 1, where rounding each tier first would give 0
    const tiers = [tier(0, 4, 1, 10), tier(4, null, 2, 20)];
    const charge = priceUsage(tiers, 8, 'EUR');
    expect(charge.breakdown.map((line) => line.exactMinor)).toEqual(['0.4', '0.4']);
    expect(charge.amount.amountMinor).toBe(1);
  });

  it('finds exact halves even when divisors have endless decimals (thirds + sixths)', () => {
    // 7 units at 1 per 3, 1 unit at 1 per 6: 7/3 + 1/6 = 2.5 exactly → 2
    const tiers = [tier(0, 7, 1, 3), tier(7, null, 1, 6)];
    expect(priceUsage(tiers, 8, 'EUR').amount.amountMinor).toBe(2);
    // 4/3 + 1/6 = 1.5 → 2
    expect(priceUsage([tier(0, 4, 1, 3), tier(4, null, 1, 6)], 5, 'EUR').amount.amountMinor).toBe(2);
    expect(priceUsage([tier(0, null, 1, 3)], 1, 'EUR').breakdown[0].exactMinor).toBe('0.' + '3'.repeat(40));
  });

  it('uses the currency only for the result; zero units cost zero', () => {
    expect(priceUsage(per1000(25), 0, 'JPY')).toEqual({ amount: money(0, 'JPY'), exactTotalMinor: '0', breakdown: [] });
  });

  it('refuses invalid tiers, quantities and currencies', () => {
    const error = expectMoneyError(() => priceUsage([tier(0, 100, 1, 1), tier(150, null, 1, 1)], 10, 'EUR'), 'invalid_tiers');
    expect((error as { details: unknown }).details).toEqual({ problems: [expect.objectContaining({ index: 1, field: 'tierStart' })] });
    expectMoneyError(() => priceUsage([], 10, 'EUR'), 'invalid_tiers');
    expectMoneyError(() => priceUsage(per1000(25), -1, 'EUR'), 'invalid_quantity');
    expectMoneyError(() => priceUsage(per1000(25), 1.5, 'EUR'), 'invalid_quantity');
    expectMoneyError(() => priceUsage([tier(0, 100, 1, 1)], 101, 'EUR'), 'invalid_quantity');
    expect(priceUsage([tier(0, 100, 1, 1)], 100, 'EUR').amount.amountMinor).toBe(100);
    expectMoneyError(() => priceUsage(per1000(25), 1, 'XAU'), 'unknown_currency');
  });

  it('reports an amount past the safe integer range as overflow', () => {
    expectMoneyError(() => priceUsage([tier(0, null, 2 ** 40, 1)], 2 ** 20, 'EUR'), 'overflow');
  });
});

// Graduated tiers, contiguous from 0 and open at the end; divisors with only 2 and 5 as
// prime factors so every decimal in the breakdown is exact.
const graduatedTiers = fc
  .array(
    fc.record({
      width: fc.integer({ min: 1, max: 20_000 }),
      price: fc.integer({ min: 0, max: 5_000 }),
      divisor: fc.constantFrom(1, 2, 4, 5, 8, 10, 25, 100, 1000, 1_000_000),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((specs) => {
    let start = 0;
    return specs.map(({ width, price, divisor }, index) => {
      const end = index === specs.length - 1 ? null : start + width;
      const result = tier(start, end, price, divisor);
      start = end ?? start;
      return result;
    });
  });
const quantity = fc.integer({ min: 0, max: 200_000 });

describe('priceUsage properties', () => {
  it('never charges less for more units', () => {
    fc.assert(
      fc.property(graduatedTiers, quantity, quantity, (tiers, q1, q2) => {
        const [low, high] = q1 <= q2 ? [q1, q2] : [q2, q1];
        expect(priceUsage(tiers, low, 'EUR').amount.amountMinor).toBeLessThanOrEqual(priceUsage(tiers, high, 'EUR').amount.amountMinor);
      }),
    );
  });

  it('breaks down into the unrounded total, which the amount is within 0.5 of', () => {
    fc.assert(
      fc.property(graduatedTiers, quantity, (tiers, q) => {
        const charge = priceUsage(tiers, q, 'EUR');
        const exactSum = charge.breakdown.reduce((total, line) => total.plus(line.exactMinor), new MoneyDecimal(0));
        expect(exactSum.equals(charge.exactTotalMinor)).toBe(true);
        expect(charge.breakdown.reduce((units, line) => units + line.quantity, 0)).toBe(q);
        expect(exactSum.minus(charge.amount.amountMinor).abs().lessThanOrEqualTo('0.5')).toBe(true);
      }),
    );
  });
});
