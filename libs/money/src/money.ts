import { isCurrency, unknownCurrency, type CurrencyCode } from './currency.ts';
import { MoneyError } from './money-error.ts';

/** An amount in whole minor units of its currency: cents for EUR, yen for JPY, fils for BHD. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** Builds a checked, frozen amount; the only way a `Money` should come into being. */
export function money(amountMinor: number, currency: string): Money {
  if (!isCurrency(currency)) throw unknownCurrency(currency);
  if (!Number.isSafeInteger(amountMinor)) {
    throw new MoneyError('invalid_amount', `${String(amountMinor)} is not a whole number of minor units within the safe integer range`);
  }
  // `+ 0` turns -0 into 0, so negating or parsing zero never yields a distinct value.
  return Object.freeze({ amountMinor: amountMinor + 0, currency });
}

export function add(a: Money, b: Money): Money {
  const currency = commonCurrency(a, b);
  return money(checkedResult(checked(a).amountMinor + checked(b).amountMinor), currency);
}

export function subtract(a: Money, b: Money): Money {
  const currency = commonCurrency(a, b);
  return money(checkedResult(checked(a).amountMinor - checked(b).amountMinor), currency);
}

/** Totals a list in one currency; an empty list is zero of that currency. */
export function sum(list: readonly Money[], currency: string): Money {
  return list.reduce((total, item) => add(total, item), money(0, currency));
}

export function negate(a: Money): Money {
  return money(-checked(a).amountMinor, a.currency);
}

export function isZero(a: Money): boolean {
  return checked(a).amountMinor === 0;
}

/** -1, 0 or 1, for sorting; amounts in different currencies are not comparable. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  commonCurrency(a, b);
  const difference = checked(a).amountMinor - checked(b).amountMinor;
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

// Money is a plain interface, so a hand-built object can reach these functions; re-check it.
function checked(a: Money): Money {
  return money(a.amountMinor, a.currency);
}

function commonCurrency(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `cannot combine ${a.currency} with ${b.currency}`);
  }
  return checked(a).currency;
}

/**
 * Sound for sums of two safe integers: the true result is at most 2^54, and any value
 * past 2^53 rounds to a double of at least 2^53, which is never a safe integer.
 */
function checkedResult(result: number): number {
  if (!Number.isSafeInteger(result)) throw new MoneyError('overflow', 'the result is outside the safe integer range');
  return result;
}
