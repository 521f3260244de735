import type { billing } from '@scai/proto';
import type { BillingProfileBody } from './billing-profile-schemas.ts';

const text = (value: string | null | undefined) => value ?? undefined;

export function profileFieldsFromBody(body: BillingProfileBody): billing.v1.BillingProfileFields {
  return {
    companyName: body.company_name,
    addressLine1: text(body.address_line1),
    addressLine2: text(body.address_line2),
    postalCode: text(body.postal_code),
    city: text(body.city),
    state: text(body.state),
    countryCode: body.country_code,
    vatNumber: text(body.vat_number),
    taxExempt: body.tax_exempt ?? false,
    contactEmail: text(body.contact_email),
    phone: text(body.phone),
    isBusiness: body.is_business ?? true,
    peppolId: text(body.peppol_id),
    peppolScheme: text(body.peppol_scheme),
    leitwegId: text(body.leitweg_id),
    preferredEinvoiceFormat: body.preferred_einvoice_format ?? 'ubl',
    preferredLanguage: body.preferred_language ?? 'en',
    invoiceTemplateName: text(body.invoice_template_name),
    emailTemplateName: text(body.email_template_name),
    buyerReference: text(body.buyer_reference),
  };
}

const orNull = (value: string | undefined) => value ?? null;

/** A profile the billing app answered a save with: it always has one. */
export function profileJson(profile: billing.v1.BillingProfile | undefined) {
  if (!profile) throw new Error('billing service answered without a billing profile');
  const f = profile.fields;
  return {
    tenant_id: profile.tenantId,
    partner_id: profile.partnerId,
    company_name: f?.companyName ?? '',
    address_line1: orNull(f?.addressLine1),
    address_line2: orNull(f?.addressLine2),
    postal_code: orNull(f?.postalCode),
    city: orNull(f?.city),
    state: orNull(f?.state),
    country_code: f?.countryCode ?? '',
    vat_number: orNull(f?.vatNumber),
    tax_exempt: f?.taxExempt ?? false,
    contact_email: orNull(f?.contactEmail),
    phone: orNull(f?.phone),
    is_business: f?.isBusiness ?? true,
    peppol_id: orNull(f?.peppolId),
    peppol_scheme: orNull(f?.peppolScheme),
    leitweg_id: orNull(f?.leitwegId),
    preferred_einvoice_format: f?.preferredEinvoiceFormat ?? 'ubl',
    preferred_language: f?.preferredLanguage ?? 'en',
    invoice_template_name: orNull(f?.invoiceTemplateName),
    email_template_name: orNull(f?.emailTemplateName),
    buyer_reference: orNull(f?.buyerReference),
    missing_for_commerce: profile.missingForCommerce,
    created_at: profile.createdAt ?? '',
    updated_at: profile.updatedAt ?? '',
  };
}

/** A read: a tenant without a profile is `null`. */
export const profileOrNullJson = (profile: billing.v1.BillingProfile | undefined) => (profile ? profileJson(profile) : null);

export function summaryJson(summary: billing.v1.BillingSummary | undefined) {
  if (!summary) return null;
  return {
    company_name: summary.companyName,
    country_code: summary.countryCode,
    ready_for_commerce: summary.readyForCommerce,
    live_subscriptions: summary.liveSubscriptions,
    live_packs: summary.livePacks,
    mrr: summary.mrr.map((amount) => ({ currency: amount.currency, amount_cents: amount.amountCents })),
  };
}
