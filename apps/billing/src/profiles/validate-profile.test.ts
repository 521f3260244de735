import { AppError } from '@scai/api';
import { describe, expect, it } from 'vitest';
import { missingForCommerce, requireCommerceProfile } from './commerce-readiness.ts';
import { changedFields, type BillingProfile } from './profile-fields.ts';
import { validateProfile, type ProfileInput } from './validate-profile.ts';

const dutch: ProfileInput = {
  companyName: '  Servantus B.V. ',
  addressLine1: 'Keizersgracht 1',
  postalCode: '1015 AA',
  city: 'Amsterdam',
  countryCode: 'nl',
  vatNumber: 'nl 0044.95445 B01',
  contactEmail: 'Billing@Servantus.NL',
};

function issuesOf(input: ProfileInput): Record<string, string> {
  try {
    validateProfile(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('validation_error');
    return Object.fromEntries((appError.issues ?? []).map((issue) => [String(issue.loc.at(-1)), issue.msg]));
  }
  return {};
}

describe('billing profile validation', () => {
  it('normalises a good profile: trimmed text, upper-case country, VAT without separators, lower-case e-mail, defaults', () => {
    const fields = validateProfile(dutch);
    expect(fields).toMatchObject({
      companyName: 'Servantus B.V.',
      countryCode: 'NL',
      vatNumber: 'NL004495445B01',
      contactEmail: 'billing@servantus.nl',
      addressLine2: null,
      taxExempt: false,
      isBusiness: true,
      preferredEinvoiceFormat: 'ubl',
      preferredLanguage: 'en',
    });
  });

  it('requires company name and country, and knows ISO 3166-1 alpha-2 codes only', () => {
    expect(issuesOf({})).toMatchObject({ company_name: 'field required', country_code: 'field required' });
    expect(issuesOf({ companyName: 'X', countryCode: 'XX' })).toHaveProperty('country_code');
    expect(issuesOf({ companyName: 'X', countryCode: 'NLD' })).toHaveProperty('country_code');
    expect(issuesOf({ companyName: 'X', countryCode: 'US' })).toEqual({});
  });

  it('checks a VAT number against the profile country’s format and check digits', () => {
    expect(issuesOf({ ...dutch, countryCode: 'DE' }).vat_number).toMatch(/not a valid Germany VAT number/);
    expect(issuesOf({ ...dutch, vatNumber: 'NL004495446B01' }).vat_number).toMatch(/Netherlands/);
    expect(validateProfile({ ...dutch, countryCode: 'DE', vatNumber: 'DE 136 695 976' }).vatNumber).toBe('DE136695976');
    // Greece writes EL; a number without a prefix gets the country's.
    expect(validateProfile({ ...dutch, countryCode: 'GR', vatNumber: '094259216' }).vatNumber).toBe('EL094259216');
    // Outside jsvat's countries only the shape is checked.
    expect(validateProfile({ ...dutch, countryCode: 'US', vatNumber: '12-3456789' }).vatNumber).toBe('123456789');
    expect(issuesOf({ ...dutch, countryCode: 'US', vatNumber: '!!' })).toHaveProperty('vat_number');
  });

  it('checks Peppol ids against their ICD scheme, accepting the scheme:value form', () => {
    expect(validateProfile({ ...dutch, peppolScheme: '0106', peppolId: '12345678' })).toMatchObject({ peppolScheme: '0106', peppolId: '12345678' });
    expect(validateProfile({ ...dutch, peppolId: '0208:0123456789' })).toMatchObject({ peppolScheme: '0208', peppolId: '0123456789' });
    expect(validateProfile({ ...dutch, peppolId: '9944:NL004495445B01' }).peppolScheme).toBe('9944');
    expect(issuesOf({ ...dutch, peppolScheme: '0106', peppolId: '1234' }).peppol_id).toMatch(/scheme 0106/);
    expect(issuesOf({ ...dutch, peppolScheme: '9930', peppolId: 'NL004495445B01' }).peppol_id).toMatch(/Germany/);
    expect(issuesOf({ ...dutch, peppolScheme: '1234', peppolId: 'abc' })).toHaveProperty('peppol_scheme');
    expect(issuesOf({ ...dutch, peppolScheme: '0106', peppolId: '0208:0123456789' }).peppol_id).toMatch(/names scheme 0208/);
    expect(issuesOf({ ...dutch, peppolId: '12345678' })).toHaveProperty('peppol_scheme');
    expect(issuesOf({ ...dutch, peppolScheme: '0106' })).toHaveProperty('peppol_id');
  });

  it('checks Leitweg-IDs by their MOD 97-10 check digits, and XRechnung needs one (or a buyer reference)', () => {
    expect(validateProfile({ ...dutch, leitwegId: '04011000-1234512345-06' }).leitwegId).toBe('04011000-1234512345-06');
    expect(validateProfile({ ...dutch, leitwegId: '991-33333test-33' }).leitwegId).toBe('991-33333TEST-33');
    expect(issuesOf({ ...dutch, leitwegId: '04011000-1234512345-07' })).toHaveProperty('leitweg_id');
    expect(issuesOf({ ...dutch, preferredEinvoiceFormat: 'xrechnung' }).leitweg_id).toMatch(/XRechnung/);
    expect(validateProfile({ ...dutch, preferredEinvoiceFormat: 'xrechnung', buyerReference: 'PO-7' }).preferredEinvoiceFormat).toBe('xrechnung');
  });

  it('takes the e-invoice format and language from their lists only, and reports every problem at once', () => {
    const issues = issuesOf({ ...dutch, preferredEinvoiceFormat: 'pdf' as never, preferredLanguage: 'sv' as never, contactEmail: 'nope', phone: 'call me', companyName: 'x'.repeat(201) });
    expect(Object.keys(issues).sort()).toEqual(['company_name', 'contact_email', 'phone', 'preferred_einvoice_format', 'preferred_language']);
  });
});

describe('what a save changed, and what commerce still needs', () => {
  const profile = (input: ProfileInput): BillingProfile => ({ tenantId: 't', partnerId: 'p', fields: validateProfile(input), createdAt: new Date(0), updatedAt: new Date(0) });

  it('names the changed fields by their wire names, in field order', () => {
    const before = validateProfile(dutch);
    const after = validateProfile({ ...dutch, phone: '+31 20 123 4567', contactEmail: 'ap@servantus.nl' });
    expect(changedFields(before, after)).toEqual(['contact_email', 'phone']);
    expect(changedFields(before, validateProfile(dutch))).toEqual([]);
  });

  it('is ready with company, address, postal code, city, country and contact; 409 naming what is missing otherwise', () => {
    expect(missingForCommerce(profile(dutch))).toEqual([]);
    expect(missingForCommerce(null)).toEqual(['billing_profile']);
    const thin = profile({ companyName: 'Thin', countryCode: 'BE' });
    expect(missingForCommerce(thin)).toEqual(['address_line1', 'postal_code', 'city', 'contact_email']);
    expect(() => requireCommerceProfile(thin)).toThrow(/address_line1, postal_code, city, contact_email/);
    try {
      requireCommerceProfile(null);
    } catch (error) {
      expect((error as AppError).code).toBe('conflict');
      expect((error as AppError).details).toEqual({ missing: ['billing_profile'] });
    }
  });
});
