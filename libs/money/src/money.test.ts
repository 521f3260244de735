import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, isZero, money, negate, subtract, sum } from './money.ts';
import { expectMoneyError } from './test-helpers.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('money', () => {
  it('builds frozen amounts in whole minor units', () => {
    const price = money(1234, 'EUR');
    expect(price).toEqual({ amountMinor: 1234, currency: 'EUR' });
    expect(Object.isFrozen(price)).toBe(true);
    expect(money(-5, 'JPY').amountMinor).toBe(-5);
    expect(Object.is(money(-0, 'EUR').amountMinor, 0)).toBe(true);
  });

  it('refuses fractions, unsafe integers, non-numbers and unknown currencies', () => {
    for (const bad of [1.5, 0.1, NaN, Infinity, -Infinity, MAX + 1, -(MAX + 1), 2 ** 60]) {
      expectMoneyError(() => money(bad, 'EUR'), 'invalid_amount');
    }
    expectMoneyError(() => money('5' as unknown as number, 'EUR'), 'invalid_amount');
    expectMoneyError(() => money(5, 'XAU'), 'unknown_currency');
    expectMoneyError(() => money(5, 'eur'), 'unknown_currency');
  });

  it('adds, subtracts, negates and totals', () => {
    expect(add(money(1999, 'EUR'), money(1, 'EUR'))).toEqual(money(2000, 'EUR'));
    expect(subtract(money(500, 'EUR'), money(1250, 'EUR'))).toEqual(money(-750, 'EUR'));
    expect(negate(money(42, 'USD'))).toEqual(money(-42, 'USD'));
    expect(Object.is(negate(money(0, 'USD')).amountMinor, 0)).toBe(true);
    expect(sum([money(100, 'GBP'), money(250, 'GBP'), money(-50, 'GBP')], 'GBP')).toEqual(money(300, 'GBP'));
    expect(sum([], 'JPY')).toEqual(money(0, 'JPY'));
  });

  it('tells zero and orders amounts', () => {
    expect(isZero(money(0, 'EUR'))).toBe(true);
    expect(isZero(money(1, 'EUR'))).toBe(false);
    expect(compare(money(1, 'EUR'), money(2, 'EUR'))).toBe(-1);
    expect(compare(money(2, 'EUR'), money(2, 'EUR'))).toBe(0);
    expect(compare(money(3, 'EUR'), money(-2, 'EUR'))).toBe(1);
  });

  it('never mixes currencies', () => {
    expectMoneyError(() => add(money(1, 'EUR'), money(1, 'USD')), 'currency_mismatch');
    expectMoneyError(() => subtract(money(1, 'EUR'), money(1, 'USD')), 'currency_mismatch');
    expectMoneyError(() => compare(money(1, 'EUR'), money(1, 'USD')), 'currency_mismatch');
    expectMoneyError(() => sum([money(1, 'EUR'), money(1, 'USD')], 'EUR'), 'currency_mismatch');
    expectMoneyError(() => sum([money(1, 'USD')], 'EUR'), 'currency_mismatch');
  });

  it('reports overflow past the safe integer range instead of losing cents', () => {
    expect(add(money(MAX - 1, 'EUR'), money(1, 'EUR')).amountMinor).toBe(MAX);
    expectMoneyError(() => add(money(MAX, 'EUR'), money(1, 'EUR')), 'overflow');
    expectMoneyError(() => subtract(money(-MAX, 'EUR'), money(1, 'EUR')), 'overflow');
    expectMoneyError(() => sum([money(MAX, 'EUR'), money(MAX, 'EUR')], 'EUR'), 'overflow');
  });

  it('re-checks hand-built objects', () => {
    const forged = { amountMinor: 0.5, currency: 'EUR' } as const;
    expectMoneyError(() => add(forged, forged), 'invalid_amount');
  });

  it('property: subtracting what was added gives the original back', () => {
    const half = Math.floor(MAX / 2);
    const amount = fc.integer({ min: -half, max: half });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const x = money(a, 'EUR');
        const y = money(b, 'EUR');
        expect(subtract(add(x, y), y)).toEqual(x);
        expect(add(subtract(x, y), y)).toEqual(x);
      }),
    );
  });
});
