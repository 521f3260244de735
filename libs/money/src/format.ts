import { minorUnitsOf } from './currency.ts';
import { MoneyError } from './money-error.ts';
import { money, type Money } from './money.ts';
import { toSafeMinor } from './rounding.ts';

/** "12.34" for 1234 EUR, "1234" for 1234 JPY, "1.234" for 1234 BHD: the form invoices carry. */
export function toDecimalString(amount: Money): string {
  const checked = money(amount.amountMinor, amount.currency);
  const exponent = minorUnitsOf(checked.currency);
  const sign = checked.amountMinor < 0 ? '-' : '';
  // A safe integer's toString is always plain digits (exponent form starts at 1e21).
  const digits = Math.abs(checked.amountMinor).toString();
  if (exponent === 0) return sign + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses decimal text exactly into minor units, never through a float. Accepts an
 * optional leading '-', digits, and at most the currency's number of decimals; refuses
 * exponents, '+', whitespace, NaN and Infinity rather than guess what was meant.
 */
export function fromDecimalString(text: string, currency: string): Money {
  const exponent = minorUnitsOf(currency);
  const match = typeof text === 'string' ? DECIMAL_TEXT.exec(text) : null;
  if (!match) throw new MoneyError('invalid_amount', `${JSON.stringify(text)} is not a plain decimal number`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new MoneyError('invalid_amount', `${JSON.stringify(text)} has more than ${exponent} decimals, the minor unit of ${currency}`);
  }
  const magnitude = BigInt(whole + fraction.padEnd(exponent, '0'));
  return money(toSafeMinor(sign === '-' ? -magnitude : magnitude), currency);
}
