import { Type, type Static } from '@fastify/type-provider-typebox';
import { nullable } from '../partners/partner-schemas.ts';

/** Optional text; blank or null clears it. Lengths are the billing app's (it checks formats too). */
const OptionalText = (maxLength: number, description?: string) => Type.Optional(nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

const EINVOICE_FORMATS = ['ubl', 'xrechnung', 'cii', 'zugferd', 'facturx'] as const;
const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it'] as const;

const profileFields = {
  company_name: Type.String({ minLength: 1, maxLength: 200 }),
  address_line1: OptionalText(200),
  address_line2: OptionalText(200),
  postal_code: OptionalText(20),
  city: OptionalText(100),
  state: OptionalText(100),
  country_code: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }),
  vat_number: OptionalText(30, "Checked against the country's VAT format; stored without spaces or dots, with its country prefix"),
  tax_exempt: Type.Optional(Type.Boolean({ default: false })),
  contact_email: OptionalText(254, 'Where invoices are sent'),
  phone: OptionalText(30),
  is_business: Type.Optional(Type.Boolean({ default: true })),
  peppol_id: OptionalText(60, 'Peppol participant id, `value` or `scheme:value`'),
  peppol_scheme: OptionalText(4, 'ISO 6523 ICD of the Peppol id, e.g. 0106, 0208, 9944'),
  leitweg_id: OptionalText(50, 'German public buyers (XRechnung)'),
  preferred_einvoice_format: Type.Optional(Type.Union(EINVOICE_FORMATS.map((format) => Type.Literal(format)), { default: 'ubl' })),
  preferred_language: Type.Optional(Type.Union(LANGUAGES.map((language) => Type.Literal(language)), { default: 'en' })),
  invoice_template_name: OptionalText(100),
  email_template_name: OptionalText(100),
  buyer_reference: OptionalText(200, 'The buyer’s own reference (purchase order) printed on invoices'),
};

export const BillingProfileCreateUpdate = Type.Object(profileFields, {
  $id: 'BillingProfileCreateUpdate',
  title: 'BillingProfileCreateUpdate',
  additionalProperties: false,
  description: 'The whole profile: a field left out is cleared (or takes its default).',
});
export type BillingProfileBody = Static<typeof BillingProfileCreateUpdate>;

export const BillingProfile = Type.Object(
  {
    tenant_id: Type.String(),
    partner_id: Type.String(),
    company_name: Type.String(),
    address_line1: nullable(Type.String()),
    address_line2: nullable(Type.String()),
    postal_code: nullable(Type.String()),
    city: nullable(Type.String()),
    state: nullable(Type.String()),
    country_code: Type.String(),
    vat_number: nullable(Type.String()),
    tax_exempt: Type.Boolean(),
    contact_email: nullable(Type.String()),
    phone: nullable(Type.String()),
    is_business: Type.Boolean(),
    peppol_id: nullable(Type.String()),
    peppol_scheme: nullable(Type.String()),
    leitweg_id: nullable(Type.String()),
    preferred_einvoice_format: Type.String(),
    preferred_language: Type.String(),
    invoice_template_name: nullable(Type.String()),
    email_template_name: nullable(Type.String()),
    buyer_reference: nullable(Type.String()),
    missing_for_commerce: Type.Array(Type.String(), { description: 'What subscribing and invoicing still need; empty when ready' }),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'BillingProfile', title: 'BillingProfile' },
);

export const BillingSummary = Type.Object(
  {
    company_name: Type.String(),
    country_code: Type.String(),
    ready_for_commerce: Type.Boolean(),
    live_subscriptions: Type.Integer({ minimum: 0, description: 'Subscriptions not ended, pack children included' }),
    live_packs: Type.Integer({ minimum: 0, description: 'Pack subscriptions not ended' }),
    mrr: Type.Array(
      Type.Object({ currency: Type.String({ description: 'ISO 4217' }), amount_cents: Type.Integer({ description: 'Minor units' }) }),
      { description: 'Monthly recurring revenue per currency of what is billed now (active, past due, cancelling); trials and suspensions earn nothing, a pack counts once at its price' },
    ),
  },
  { $id: 'BillingSummary', title: 'BillingSummary', description: 'The tenant’s billing in brief; null when it has no profile (and so has bought nothing)' },
);

export const billingProfileSchemas = [BillingProfileCreateUpdate, BillingProfile, BillingSummary];
