import type { Decimal } from 'decimal.js';
import { MoneyDecimal } from './money-decimal.ts';
import { MoneyError } from './money-error.ts';
import { money, type Money } from './money.ts';
import { roundHalfEven } from './rounding.ts';

/**
 * A safe integer (16 digits) times 100 − percent (3 + decimals digits) must fit the 40
 * significant digits MoneyDecimal keeps exactly; 20 decimals leaves room to spare and
 * is far beyond any discount anyone writes.
 */
const MAX_PERCENT_DECIMALS = 20;
const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** True for a percentage from 0 to 100 inclusive, as text ("12.5") or a number. */
export function isValidPercentage(percent: unknown): boolean {
  return parsePercentage(percent) !== null;
}

/**
 * The amount less `percent` per cent, rounded half-even once (on the discounted amount,
 * not on the discount). A number is read by its shortest decimal form, so 0.1 means "0.1".
 */
export function applyPercentageDiscount(amount: Money, percent: string | number): Money {
  const checked = money(amount.amountMinor, amount.currency);
  const parsed = parsePercentage(percent);
  if (parsed === null) {
    throw new MoneyError('invalid_percentage', `${JSON.stringify(percent)} is not a percentage from 0 to 100 with at most ${MAX_PERCENT_DECIMALS} decimals`);
  }
  const remaining = new MoneyDecimal(checked.amountMinor).times(new MoneyDecimal(100).minus(parsed)).div(100);
  return money(roundHalfEven(remaining), checked.currency);
}

function parsePercentage(percent: unknown): Decimal | null {
  let value: Decimal;
  if (typeof percent === 'string') {
    // Plain digits only: no sign, exponent, hex, whitespace, NaN or Infinity.
    if (!PLAIN_DECIMAL.test(percent)) return null;
    value = new MoneyDecimal(percent);
  } else if (typeof percent === 'number' && Number.isFinite(percent)) {
    value = new MoneyDecimal(percent);
  } else {
    return null;
  }
  if (value.isNegative() || value.greaterThan(100) || value.decimalPlaces() > MAX_PERCENT_DECIMALS) return null;
  return value;
}
