import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MoneyDecimal } from './money-decimal.ts';
import { roundHalfEven, roundHalfEvenQuotient } from './rounding.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('roundHalfEven', () => {
  it('rounds exact halves to the even neighbour and everything else to the nearest', () => {
    const cases: Array<[string, number]> = [
      ['0.5', 0], ['1.5', 2], ['2.5', 2], ['3.5', 4], ['-2.5', -2], ['-3.5', -4],
      ['2.4999999999', 2], ['2.5000000001', 3], ['30864.175', 30864], ['-0.4', 0], ['7', 7],
    ];
    for (const [input, expected] of cases) expect(roundHalfEven(input), input).toBe(expected);
    expect(roundHalfEven(new MoneyDecimal('83.5'))).toBe(84);
    expect(Object.is(roundHalfEven('-0.4'), 0)).toBe(true);
  });

  it('refuses non-finite input and results past the safe integer range', () => {
    expectMoneyError(() => roundHalfEven('NaN'), 'invalid_amount');
    expectMoneyError(() => roundHalfEven('Infinity'), 'invalid_amount');
    expectMoneyError(() => roundHalfEven('9007199254740992'), 'overflow');
    expect(roundHalfEven('9007199254740991.4')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('roundHalfEvenQuotient', () => {
  it('rounds fractions exactly, negatives included', () => {
    expect(roundHalfEvenQuotient(5n, 2n)).toBe(2);
    expect(roundHalfEvenQuotient(7n, 2n)).toBe(4);
    expect(roundHalfEvenQuotient(-5n, 2n)).toBe(-2);
    expect(roundHalfEvenQuotient(-7n, 2n)).toBe(-4);
    expect(roundHalfEvenQuotient(1n, 3n)).toBe(0);
    expect(roundHalfEvenQuotient(2n, 3n)).toBe(1);
    expect(roundHalfEvenQuotient(-2n, 3n)).toBe(-1);
    expect(roundHalfEvenQuotient(1000n, 12n)).toBe(83);
    expectMoneyError(() => roundHalfEvenQuotient(1n, 0n), 'invalid_amount');
  });

  it('property: agrees with rounding the decimal quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        expect(roundHalfEvenQuotient(n, d)).toBe(roundHalfEven(new MoneyDecimal(n.toString()).div(d.toString())));
      }),
    );
  });
});
