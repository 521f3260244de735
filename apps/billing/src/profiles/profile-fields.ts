/** The e-invoice syntaxes an invoice can be delivered in (domain.md). */
export const EINVOICE_FORMATS = ['ubl', 'xrechnung', 'cii', 'zugferd', 'facturx'] as const;
export type EinvoiceFormat = (typeof EINVOICE_FORMATS)[number];

/** The languages invoices and their e-mails are written in. */
export const INVOICE_LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it'] as const;
export type InvoiceLanguage = (typeof INVOICE_LANGUAGES)[number];

/** The 20 fields of a tenant's billing profile, as stored (absent text is null). */
export interface BillingProfileFields {
  companyName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  state: string | null;
  countryCode: string;
  vatNumber: string | null;
  taxExempt: boolean;
  contactEmail: string | null;
  phone: string | null;
  isBusiness: boolean;
  peppolId: string | null;
  peppolScheme: string | null;
  leitwegId: string | null;
  preferredEinvoiceFormat: EinvoiceFormat;
  preferredLanguage: InvoiceLanguage;
  invoiceTemplateName: string | null;
  emailTemplateName: string | null;
  buyerReference: string | null;
}

export interface BillingProfile {
  tenantId: string;
  partnerId: string;
  fields: BillingProfileFields;
  createdAt: Date;
  updatedAt: Date;
}

/** Field → its name on the wire (`changed_fields`, validation locations). */
export const WIRE_NAMES: Record<keyof BillingProfileFields, string> = {
  companyName: 'company_name',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  postalCode: 'postal_code',
  city: 'city',
  state: 'state',
  countryCode: 'country_code',
  vatNumber: 'vat_number',
  taxExempt: 'tax_exempt',
  contactEmail: 'contact_email',
  phone: 'phone',
  isBusiness: 'is_business',
  peppolId: 'peppol_id',
  peppolScheme: 'peppol_scheme',
  leitwegId: 'leitweg_id',
  preferredEinvoiceFormat: 'preferred_einvoice_format',
  preferredLanguage: 'preferred_language',
  invoiceTemplateName: 'invoice_template_name',
  emailTemplateName: 'email_template_name',
  buyerReference: 'buyer_reference',
};

export const FIELD_KEYS = Object.keys(WIRE_NAMES) as (keyof BillingProfileFields)[];

/** The wire names of the fields that differ between two versions of a profile, in field order. */
export function changedFields(before: BillingProfileFields, after: BillingProfileFields): string[] {
  return FIELD_KEYS.filter((key) => before[key] !== after[key]).map((key) => WIRE_NAMES[key]);
}
