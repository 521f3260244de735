import { MoneyDecimal } from './money-decimal.ts';
import { MoneyError } from './money-error.ts';
import { money, type Money } from './money.ts';
import { roundHalfEven } from './rounding.ts';

/**
 * The share of `amount` for `usedDays` out of `totalDays` (plan changes are prorated by
 * the day), rounded half-even once. The two shares of a split add up to the amount
 * within one minor unit: both halves of an exact .5 round to even.
 */
export function prorate(amount: Money, usedDays: number, totalDays: number): Money {
  const checked = money(amount.amountMinor, amount.currency);
  if (!Number.isSafeInteger(totalDays) || totalDays <= 0) {
    throw new MoneyError('invalid_proration', `totalDays must be a whole number > 0, got ${String(totalDays)}`);
  }
  if (!Number.isSafeInteger(usedDays) || usedDays < 0 || usedDays > totalDays) {
    throw new MoneyError('invalid_proration', `usedDays must be a whole number from 0 to ${totalDays}, got ${String(usedDays)}`);
  }
  const share = new MoneyDecimal(checked.amountMinor).times(usedDays).div(totalDays);
  return money(roundHalfEven(share), checked.currency);
}
