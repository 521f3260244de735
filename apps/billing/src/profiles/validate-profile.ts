import { IssueList } from '@scai/api';
import countries from 'i18n-iso-countries';
import { isValidLeitwegId } from './leitweg-id.ts';
import { PEPPOL_SCHEMES, PEPPOL_VALUE } from './peppol-schemes.ts';
import { EINVOICE_FORMATS, INVOICE_LANGUAGES, WIRE_NAMES, type BillingProfileFields, type EinvoiceFormat, type InvoiceLanguage } from './profile-fields.ts';
import { checkVatNumber, normalizeVatNumber } from './vat-number.ts';

/** A profile as a caller sends it: every field may be missing; blank text means "none". */
export type ProfileInput = { [K in keyof BillingProfileFields]?: BillingProfileFields[K] | undefined };

type TextKey = { [K in keyof BillingProfileFields]: BillingProfileFields[K] extends string | null ? K : never }[keyof BillingProfileFields];

const MAX_LENGTH: Partial<Record<TextKey, number>> = {
  companyName: 200,
  addressLine1: 200,
  addressLine2: 200,
  postalCode: 20,
  city: 100,
  state: 100,
  contactEmail: 254,
  phone: 30,
  buyerReference: 200,
  invoiceTemplateName: 100,
  emailTemplateName: 100,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()\-./]{3,28}[0-9]$/;
const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]*$/;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function oneOf<T extends string>(issues: IssueList, key: keyof BillingProfileFields, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  issues.add([WIRE_NAMES[key]], `must be one of ${allowed.join(', ')}`, 'enum');
  return fallback;
}

function checkPeppol(issues: IssueList, fields: BillingProfileFields): void {
  const { peppolId, peppolScheme } = fields;
  if (!peppolId && !peppolScheme) return;
  if (!peppolId || !peppolScheme) {
    issues.add([WIRE_NAMES[peppolId ? 'peppolScheme' : 'peppolId']], 'peppol_id and peppol_scheme go together', 'missing');
    return;
  }
  const scheme = PEPPOL_SCHEMES[peppolScheme];
  if (!scheme) {
    issues.add(['peppol_scheme'], 'is not a Peppol ICD scheme this platform accepts (four digits, e.g. 0106, 0208, 9944)', 'enum');
    return;
  }
  if (!PEPPOL_VALUE.test(peppolId)) {
    issues.add(['peppol_id'], 'must be 1 to 50 letters, digits or :._-/ without spaces', 'value_error');
  } else if (scheme.vatCountry) {
    const vat = checkVatNumber(peppolId, scheme.vatCountry);
    if (vat.ok) fields.peppolId = vat.value;
    else issues.add(['peppol_id'], `${vat.reason} (scheme ${peppolScheme}, ${scheme.name})`, 'value_error');
  } else if (scheme.pattern && !scheme.pattern.test(peppolId)) {
    issues.add(['peppol_id'], `does not have the format of scheme ${peppolScheme} (${scheme.name})`, 'value_error');
  }
}

/** Splits `0106:12345678` into scheme and value; the scheme given separately must agree. */
function splitPeppolId(issues: IssueList, fields: BillingProfileFields): boolean {
  const match = /^(\d{4}):(.+)$/.exec(fields.peppolId ?? '');
  if (!match) return true;
  const [, scheme, value] = match;
  if (fields.peppolScheme && fields.peppolScheme !== scheme) {
    issues.add(['peppol_id'], `names scheme ${scheme} but peppol_scheme is ${fields.peppolScheme}`, 'value_error');
    return false;
  }
  fields.peppolScheme = scheme;
  fields.peppolId = value;
  return true;
}

/**
 * The whole profile checked and normalised: the country against ISO 3166-1, the VAT
 * number against that country's format, the Peppol id against its ICD scheme, the
 * Leitweg-ID's check digits, the e-invoice format and language against their lists.
 * Every problem is reported at once (422, one issue per field).
 */
export function validateProfile(input: ProfileInput): BillingProfileFields {
  const issues = new IssueList();
  const fields: BillingProfileFields = {
    companyName: text(input.companyName) ?? '',
    addressLine1: text(input.addressLine1),
    addressLine2: text(input.addressLine2),
    postalCode: text(input.postalCode),
    city: text(input.city),
    state: text(input.state),
    countryCode: (text(input.countryCode) ?? '').toUpperCase(),
    vatNumber: text(input.vatNumber),
    taxExempt: input.taxExempt ?? false,
    contactEmail: text(input.contactEmail)?.toLowerCase() ?? null,
    phone: text(input.phone),
    isBusiness: input.isBusiness ?? true,
    peppolId: text(input.peppolId),
    peppolScheme: text(input.peppolScheme),
    leitwegId: text(input.leitwegId)?.toUpperCase() ?? null,
    preferredEinvoiceFormat: oneOf<EinvoiceFormat>(issues, 'preferredEinvoiceFormat', input.preferredEinvoiceFormat, EINVOICE_FORMATS, 'ubl'),
    preferredLanguage: oneOf<InvoiceLanguage>(issues, 'preferredLanguage', input.preferredLanguage, INVOICE_LANGUAGES, 'en'),
    invoiceTemplateName: text(input.invoiceTemplateName),
    emailTemplateName: text(input.emailTemplateName),
    buyerReference: text(input.buyerReference),
  };

  if (!fields.companyName) issues.add(['company_name'], 'field required', 'missing');
  for (const [key, max] of Object.entries(MAX_LENGTH) as [TextKey, number][]) {
    if ((fields[key]?.length ?? 0) > max) issues.add([WIRE_NAMES[key]], `at most ${max} characters`, 'string_too_long');
  }

  const countryKnown = /^[A-Z]{2}$/.test(fields.countryCode) && countries.isValid(fields.countryCode);
  if (!fields.countryCode) issues.add(['country_code'], 'field required', 'missing');
  else if (!countryKnown) issues.add(['country_code'], 'must be an ISO 3166-1 alpha-2 country code', 'value_error');

  if (fields.vatNumber && countryKnown) {
    const vat = checkVatNumber(fields.vatNumber, fields.countryCode);
    if (vat.ok) fields.vatNumber = vat.value;
    else issues.add(['vat_number'], `${vat.reason} (country_code ${fields.countryCode})`, 'value_error');
  } else if (fields.vatNumber) {
    fields.vatNumber = normalizeVatNumber(fields.vatNumber);
  }

  if (fields.contactEmail && !EMAIL.test(fields.contactEmail)) issues.add(['contact_email'], 'must be an e-mail address', 'value_error');
  if (fields.phone && !PHONE.test(fields.phone)) issues.add(['phone'], 'must be a phone number (digits, spaces, +()-./)', 'value_error');
  for (const key of ['invoiceTemplateName', 'emailTemplateName'] as const) {
    const name = fields[key];
    if (name && !TEMPLATE_NAME.test(name)) issues.add([WIRE_NAMES[key]], 'letters, digits, spaces and ._- only', 'value_error');
  }

  if (splitPeppolId(issues, fields)) checkPeppol(issues, fields);
  if (fields.leitwegId && !isValidLeitwegId(fields.leitwegId)) {
    issues.add(['leitweg_id'], 'is not a valid Leitweg-ID (digits-[address-]check digits, ISO 7064 MOD 97-10)', 'value_error');
  }
  // XRechnung makes the buyer reference (BT-10) mandatory: a Leitweg-ID or the buyer's own reference.
  if (fields.preferredEinvoiceFormat === 'xrechnung' && !fields.leitwegId && !fields.buyerReference) {
    issues.add(['leitweg_id'], 'XRechnung needs a leitweg_id or a buyer_reference', 'missing');
  }
  issues.throwIfAny();
  return fields;
}
