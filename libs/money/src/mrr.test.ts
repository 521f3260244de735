import { describe, expect, it } from 'vitest';
import { monthlyRecurringMinor, RECURRING_PERIODS, type RecurringPeriod } from './mrr.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('monthlyRecurringMinor', () => {
  it('normalises by the domain rule, rounding half-even once', () => {
    expect(monthlyRecurringMinor(1000, 'yearly')).toBe(83); // 83.33…
    expect(monthlyRecurringMinor(1002, 'yearly')).toBe(84); // 83.5 → even
    expect(monthlyRecurringMinor(990, 'yearly')).toBe(82); // 82.5 → even
    expect(monthlyRecurringMinor(12_000, 'yearly')).toBe(1000);
    expect(monthlyRecurringMinor(100, 'quarterly')).toBe(33); // 33.33…
    expect(monthlyRecurringMinor(101, 'quarterly')).toBe(34); // 33.67
    expect(monthlyRecurringMinor(250, 'weekly')).toBe(1000); // × 4
    expect(monthlyRecurringMinor(99, 'daily')).toBe(2970); // × 30
    expect(monthlyRecurringMinor(1999, 'monthly')).toBe(1999);
    expect(monthlyRecurringMinor(5000, 'one_time')).toBe(5000);
    expect(monthlyRecurringMinor(-1000, 'yearly')).toBe(-83);
    expect(RECURRING_PERIODS).toEqual(['monthly', 'quarterly', 'yearly', 'weekly', 'daily', 'one_time']);
  });

  it('refuses unknown periods, fractional amounts and overflow', () => {
    expectMoneyError(() => monthlyRecurringMinor(100, 'biweekly' as RecurringPeriod), 'invalid_period');
    expectMoneyError(() => monthlyRecurringMinor(100, 'toString' as RecurringPeriod), 'invalid_period');
    expectMoneyError(() => monthlyRecurringMinor(10.5, 'monthly'), 'invalid_amount');
    expectMoneyError(() => monthlyRecurringMinor(Number.MAX_SAFE_INTEGER, 'daily'), 'overflow');
  });
});
