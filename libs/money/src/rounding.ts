import type { Decimal } from 'decimal.js';
import { MoneyDecimal } from './money-decimal.ts';
import { MoneyError } from './money-error.ts';

/**
 * Rounds an exact amount of minor units to a whole one, half to even (banker's
 * rounding): 2.5 → 2, 3.5 → 4, -2.5 → -2. Half-even has no upward bias, so many
 * rounded lines do not drift from their exact total. Call it once, at the end of a line.
 */
export function roundHalfEven(value: string | Decimal): number {
  const exact = new MoneyDecimal(value);
  if (!exact.isFinite()) throw new MoneyError('invalid_amount', `${String(value)} is not a finite amount`);
  return toSafeMinor(BigInt(exact.toDecimalPlaces(0, MoneyDecimal.ROUND_HALF_EVEN).toFixed()));
}

/**
 * Rounds numerator / denominator half to even with integer arithmetic only, so the
 * result is exact for any quotient — also for sums of thirds and sevenths, where a
 * decimal expansion would have to be cut off and could land on the wrong side of .5.
 */
export function roundHalfEvenQuotient(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new MoneyError('invalid_amount', 'the denominator must be positive');
  let quotient = numerator / denominator;
  let remainder = numerator % denominator;
  // BigInt division truncates toward zero; shift to floor so one rule covers negatives.
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  const twice = 2n * remainder;
  if (twice > denominator || (twice === denominator && quotient % 2n !== 0n)) quotient += 1n;
  return toSafeMinor(quotient);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Past 2^53 a number can no longer hold every integer, so such amounts are refused. */
export function toSafeMinor(value: bigint): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new MoneyError('overflow', `${value} minor units is outside the safe integer range`);
  }
  return Number(value);
}
