import type { billing } from '@scai/proto';
import { missingForCommerce } from '../profiles/commerce-readiness.ts';
import type { BillingProfile, EinvoiceFormat, InvoiceLanguage } from '../profiles/profile-fields.ts';
import type { ProfileInput } from '../profiles/validate-profile.ts';

export function profileInputFromProto(fields: billing.v1.BillingProfileFields | undefined): ProfileInput {
  if (!fields) return {};
  return {
    ...fields,
    // Checked against their lists by the validator; a value outside them is reported there.
    preferredEinvoiceFormat: fields.preferredEinvoiceFormat as EinvoiceFormat,
    preferredLanguage: fields.preferredLanguage as InvoiceLanguage,
  };
}

export function profileToProto(profile: BillingProfile): billing.v1.BillingProfile {
  const fields = Object.fromEntries(Object.entries(profile.fields).map(([key, value]) => [key, value ?? undefined])) as billing.v1.BillingProfileFields;
  return {
    tenantId: profile.tenantId,
    partnerId: profile.partnerId,
    fields,
    missingForCommerce: missingForCommerce(profile),
    createdAt: profile.createdAt.toISOString(),
    updatedAt: profile.updatedAt.toISOString(),
  };
}
