import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { isBic, isBillable, isCountryCode, isIban, normalizeSeller } from './seller-identity.ts';
import { IssueList } from '@scai/api';

describe('seller identity', () => {
  it('accepts ISO 3166-1 alpha-2 countries only', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('XK')).toBe(true);
    for (const code of ['XX', 'ZZ', 'EU', 'UK', 'de', 'DEU', '']) expect(isCountryCode(code)).toBe(false);
  });

  it('checks IBAN check digits and BIC shape', () => {
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('GB82WEST12345698765432')).toBe(true);
    expect(isIban('DE89370400440532013001')).toBe(false);
    expect(isBic('DEUTDEFF')).toBe(true);
    expect(isBic('DEUTDEFF500')).toBe(true);
    expect(isBic('DEUT1EFF')).toBe(false);
  });

  it('normalizes (spaces, case, blanks to null) and reports every bad field', () => {
    const issues = new IssueList();
    const out = normalizeSeller(issues, { iban: 'de89 3704 0044 0532 0130 00', sellerCountryCode: 'de', city: '  ', bic: null });
    expect(out).toEqual({ iban: 'DE89370400440532013000', sellerCountryCode: 'DE', city: null, bic: null });
    expect(() => issues.throwIfAny()).not.toThrow();

    const bad = new IssueList();
    normalizeSeller(bad, { iban: 'DE00123', sellerCountryCode: 'XX', bic: 'nope' });
    try {
      bad.throwIfAny();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues?.map((i) => i.loc)).toEqual([['body', 'seller_country_code'], ['body', 'iban'], ['body', 'bic']]);
    }
  });

  it('is billable once legal name and seller country are set', () => {
    expect(isBillable({ legalName: 'ACME GmbH', sellerCountryCode: 'DE' })).toBe(true);
    expect(isBillable({ legalName: 'ACME GmbH', sellerCountryCode: null })).toBe(false);
  });
});
