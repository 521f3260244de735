import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, isCurrency, minorUnitsOf } from './currency.ts';
import { MoneyDecimal } from './money-decimal.ts';
import { expectMoneyError } from './test-helpers.ts';

describe('currency', () => {
  it('knows the minor-unit exponent of active ISO 4217 codes', () => {
    const expected = { EUR: 2, USD: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, JPY: 0, KRW: 0, ISK: 0, CLP: 0, BHD: 3, KWD: 3, TND: 3, IQD: 3, CLF: 4, UYW: 4, XCG: 2, ZWG: 2, SLE: 2 };
    for (const [code, exponent] of Object.entries(expected)) expect(minorUnitsOf(code), code).toBe(exponent);
  });

  it('lists each code once, sorted, all three upper-case letters', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('refuses metals, test codes, withdrawn codes, lower case and inherited names', () => {
    for (const code of ['XAU', 'XAG', 'XPT', 'XPD', 'XTS', 'XXX', 'XDR', 'HRK', 'ANG', 'BGN', 'SLL', 'eur', 'EURO', '', 'toString', '__proto__', 'constructor']) {
      expect(isCurrency(code), code).toBe(false);
    }
    expect(isCurrency(42)).toBe(false);
    expectMoneyError(() => minorUnitsOf('XAU'), 'unknown_currency');
  });

  it('uses a private Decimal configuration and leaves the global one alone', () => {
    expect(MoneyDecimal.precision).toBe(40);
    expect(MoneyDecimal.rounding).toBe(Decimal.ROUND_HALF_EVEN);
    expect(Decimal.precision).toBe(20);
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
  });
});
