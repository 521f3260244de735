import type { IssueList } from '@scai/api';

/** The partner's identity as the seller on its invoices; every field may be null. */
export interface SellerIdentity {
  legalName: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  state: string | null;
  sellerCountryCode: string | null;
  vatNumber: string | null;
  iban: string | null;
  bic: string | null;
  defaultInvoiceTemplate: string | null;
  defaultEmailTemplate: string | null;
}

export type SellerField = keyof SellerIdentity;

/** Field → its wire name (REST body, gRPC `clear_fields`). */
export const SELLER_FIELD_NAMES: Record<SellerField, string> = {
  legalName: 'legal_name',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  postalCode: 'postal_code',
  city: 'city',
  state: 'state',
  sellerCountryCode: 'seller_country_code',
  vatNumber: 'vat_number',
  iban: 'iban',
  bic: 'bic',
  defaultInvoiceTemplate: 'default_invoice_template',
  defaultEmailTemplate: 'default_email_template',
};

export const SELLER_FIELDS = Object.keys(SELLER_FIELD_NAMES) as SellerField[];

export function emptySellerIdentity(): SellerIdentity {
  return Object.fromEntries(SELLER_FIELDS.map((field) => [field, null])) as unknown as SellerIdentity;
}

const MAX_LENGTH: Record<SellerField, number> = {
  legalName: 200,
  addressLine1: 200,
  addressLine2: 200,
  postalCode: 20,
  city: 100,
  state: 100,
  sellerCountryCode: 2,
  vatNumber: 20,
  iban: 34,
  bic: 11,
  defaultInvoiceTemplate: 100,
  defaultEmailTemplate: 100,
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
// Codes ICU names that are not countries of ISO 3166-1 (unions, regions, reserved UK).
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'UK', 'XA', 'XB']);

/** ISO 3166-1 alpha-2, as known to the runtime's ICU data (rejects `XX`, `ZZ`, `EU`…). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  const name = regionNames.of(code);
  return name !== undefined && name !== code && name !== 'Unknown Region' && !NOT_COUNTRIES.has(code);
}

/** ISO 13616: country, check digits, then mod 97 of the rearranged digits is 1. */
export function isIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** ISO 9362: bank, country, location, optional branch. */
export function isBic(bic: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic);
}

/** Canonical forms: upper-case codes, IBAN/VAT without spaces; blank text becomes null. */
export function normalizeSellerValue(field: SellerField, value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  switch (field) {
    case 'sellerCountryCode':
    case 'bic':
      return trimmed.toUpperCase();
    case 'iban':
    case 'vatNumber':
      return trimmed.replace(/\s+/g, '').toUpperCase();
    default:
      return trimmed;
  }
}

/** Normalizes and checks the given seller fields (absent ones are left alone). */
export function normalizeSeller(issues: IssueList, input: Partial<SellerIdentity>): Partial<SellerIdentity> {
  const out: Partial<SellerIdentity> = {};
  for (const field of SELLER_FIELDS) {
    if (!(field in input) || input[field] === undefined) continue;
    const value = normalizeSellerValue(field, input[field] ?? null);
    out[field] = value;
    if (value === null) continue;
    const loc = [SELLER_FIELD_NAMES[field]];
    if (value.length > MAX_LENGTH[field]) issues.add(loc, `must be at most ${MAX_LENGTH[field]} characters`, 'string_too_long');
    else if (field === 'sellerCountryCode' && !isCountryCode(value)) issues.add(loc, 'must be an ISO 3166-1 alpha-2 country code');
    else if (field === 'iban' && !isIban(value)) issues.add(loc, 'must be a valid IBAN');
    else if (field === 'bic' && !isBic(value)) issues.add(loc, 'must be a valid BIC');
    else if (field === 'vatNumber' && !/^[A-Z0-9]{4,20}$/.test(value)) issues.add(loc, 'must be a VAT number (letters and digits)');
  }
  return out;
}

/** A partner can be billed once its legal name and seller country are set (domain rule). */
export function isBillable(seller: Pick<SellerIdentity, 'legalName' | 'sellerCountryCode'>): boolean {
  return Boolean(seller.legalName && seller.sellerCountryCode);
}
