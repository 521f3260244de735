import { createEvent, type CloudEvent } from '@scai/events';
import type { BillingProfile } from './profile-fields.ts';

export const BILLING_EVENT_SOURCE = '/apps/billing';

/** CloudEvents types; webhook subscribers know them as `tenant.billing_linked.v1` and `tenant.billing_updated.v1`. */
export const BillingProfileEvents = {
  linked: 'scai.billing.tenant.billing_linked',
  updated: 'scai.billing.tenant.billing_updated',
} as const;

interface ProfileEventBase {
  tenant_id: string;
  partner_id: string;
  /** The customer id other systems (CRM, accounting) key this buyer by: the tenant id. */
  scaicontrol_customer_id: string;
  company_name: string;
  country_code: string;
  vat_number: string | null;
  contact_email: string | null;
}

export interface BillingLinkedData extends ProfileEventBase {
  linked_at: string;
}

export interface BillingUpdatedData extends ProfileEventBase {
  updated_at: string;
  changed_fields: string[];
}

function base(profile: BillingProfile): ProfileEventBase {
  return {
    tenant_id: profile.tenantId,
    partner_id: profile.partnerId,
    scaicontrol_customer_id: profile.tenantId,
    company_name: profile.fields.companyName,
    country_code: profile.fields.countryCode,
    vat_number: profile.fields.vatNumber,
    contact_email: profile.fields.contactEmail,
  };
}

const envelope = <T>(type: string, profile: BillingProfile, data: T): CloudEvent<T> =>
  createEvent({ source: BILLING_EVENT_SOURCE, type, subject: profile.tenantId, data, tenantId: profile.tenantId, partnerId: profile.partnerId });

/** The tenant became a billable entity (its first profile). */
export function billingLinkedEvent(profile: BillingProfile): CloudEvent<BillingLinkedData> {
  return envelope(BillingProfileEvents.linked, profile, { ...base(profile), linked_at: profile.createdAt.toISOString() });
}

/** A later save that changed something; `changed_fields` lets subscribers re-sync selectively. */
export function billingUpdatedEvent(profile: BillingProfile, changed: string[]): CloudEvent<BillingUpdatedData> {
  return envelope(BillingProfileEvents.updated, profile, { ...base(profile), updated_at: profile.updatedAt.toISOString(), changed_fields: changed });
}
