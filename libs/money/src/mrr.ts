import { MoneyDecimal } from './money-decimal.ts';
import { MoneyError } from './money-error.ts';
import { roundHalfEven } from './rounding.ts';

export type RecurringPeriod = 'monthly' | 'quarterly' | 'yearly' | 'weekly' | 'daily' | 'one_time';

/**
 * The domain's MRR rule (domain.md): yearly ÷ 12, quarterly ÷ 3, weekly × 4, daily × 30,
 * one_time as is. Weekly × 4 and daily × 30 are deliberate round figures agreed for
 * reporting, not calendar averages (52/12, 365/12); do not "correct" them here.
 */
const TO_MONTHLY: Readonly<Record<RecurringPeriod, { multiplyBy: number; divideBy: number }>> = {
  monthly: { multiplyBy: 1, divideBy: 1 },
  quarterly: { multiplyBy: 1, divideBy: 3 },
  yearly: { multiplyBy: 1, divideBy: 12 },
  weekly: { multiplyBy: 4, divideBy: 1 },
  daily: { multiplyBy: 30, divideBy: 1 },
  one_time: { multiplyBy: 1, divideBy: 1 },
};

export const RECURRING_PERIODS: readonly RecurringPeriod[] = Object.freeze(Object.keys(TO_MONTHLY) as RecurringPeriod[]);

/** A recurring price in minor units, normalised to one month and rounded half-even once. */
export function monthlyRecurringMinor(amountMinor: number, period: RecurringPeriod): number {
  if (typeof period !== 'string' || !Object.hasOwn(TO_MONTHLY, period)) {
    throw new MoneyError('invalid_period', `${JSON.stringify(period)} is not one of ${RECURRING_PERIODS.join(', ')}`);
  }
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MoneyError('invalid_amount', `${String(amountMinor)} is not a whole number of minor units within the safe integer range`);
  }
  const { multiplyBy, divideBy } = TO_MONTHLY[period];
  return roundHalfEven(new MoneyDecimal(amountMinor).times(multiplyBy).div(divideBy));
}
