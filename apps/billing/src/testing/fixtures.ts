import { createEvent, type CloudEvent } from '@scai/events';
import type { billing } from '@scai/proto';

/** A billing profile with everything commerce needs (NL business, UBL, English). */
export function readyProfile(companyName: string): billing.v1.BillingProfileFields {
  return {
    companyName,
    addressLine1: 'Dam 1',
    postalCode: '1012 JS',
    city: 'Amsterdam',
    countryCode: 'NL',
    contactEmail: 'billing@buyer.test',
    taxExempt: false,
    isBusiness: true,
    preferredEinvoiceFormat: 'ubl',
    preferredLanguage: 'en',
  };
}

/** A tenant event as the partners app publishes it (`scai.partners.tenant.<type>`), of a tenant under prt_p. */
export function partnersTenantEvent(tenantId: string, type: string, data: Record<string, unknown>): CloudEvent {
  return createEvent({ source: '/apps/partners', type: `scai.partners.tenant.${type}`, subject: tenantId, data: { id: tenantId, ...data }, tenantId, partnerId: 'prt_p' });
}
