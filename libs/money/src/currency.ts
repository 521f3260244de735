import { ISO_4217_MINOR_UNITS } from './iso-4217.ts';
import { MoneyError } from './money-error.ts';

/** An active ISO 4217 code, upper case as the standard writes it (`EUR`, not `eur`). */
export type CurrencyCode = keyof typeof ISO_4217_MINOR_UNITS;

export const CURRENCY_CODES: readonly CurrencyCode[] = Object.freeze(
  Object.keys(ISO_4217_MINOR_UNITS) as CurrencyCode[],
);

/** `Object.hasOwn`, so inherited names such as `toString` never pass as currencies. */
export function isCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(ISO_4217_MINOR_UNITS, code);
}

/** Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for BHD. */
export function minorUnitsOf(code: string): number {
  if (!isCurrency(code)) throw unknownCurrency(code);
  return ISO_4217_MINOR_UNITS[code];
}

export function unknownCurrency(code: unknown): MoneyError {
  return new MoneyError('unknown_currency', `${JSON.stringify(code)} is not an active ISO 4217 currency code`);
}
