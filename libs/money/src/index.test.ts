import { describe, expect, it } from 'vitest';
import * as api from './index.ts';

describe('@scai/money entry point', () => {
  it('exposes the public API only', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CURRENCY_CODES', 'ISO_4217_MINOR_UNITS', 'MoneyError', 'RECURRING_PERIODS', 'add', 'applyPercentageDiscount',
      'compare', 'fromDecimalString', 'isCurrency', 'isMoneyError', 'isValidPercentage', 'isZero', 'minorUnitsOf',
      'money', 'monthlyRecurringMinor', 'negate', 'priceUsage', 'prorate', 'roundHalfEven', 'roundHalfEvenQuotient',
      'subtract', 'sum', 'toDecimalString', 'validateTiers',
    ]);
  });
});
