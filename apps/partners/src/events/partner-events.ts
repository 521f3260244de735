import { createEvent, type CloudEvent } from '@scai/events';
import { SELLER_FIELDS, SELLER_FIELD_NAMES, isBillable } from '../domain/seller-identity.ts';
import type { Partner } from '../domain/partner.ts';
import { EVENT_SOURCE, type PartnerEventType } from './event-types.ts';

/** The partner as consumers see it: the REST representation (snake_case). */
export interface PartnerEventData {
  id: string;
  name: string;
  slug: string;
  status: string;
  contact_email: string;
  max_tenants: number;
  max_users_per_tenant: number;
  max_applications_per_tenant: number;
  seller: Record<string, string | null>;
  billable: boolean;
  /** For `updated`: the fields the change touched. */
  changed?: string[];
}

export function partnerEventData(partner: Partner): PartnerEventData {
  return {
    id: partner.id,
    name: partner.name,
    slug: partner.slug,
    status: partner.status,
    contact_email: partner.contactEmail,
    max_tenants: partner.maxTenants,
    max_users_per_tenant: partner.maxUsersPerTenant,
    max_applications_per_tenant: partner.maxApplicationsPerTenant,
    seller: Object.fromEntries(SELLER_FIELDS.map((f) => [SELLER_FIELD_NAMES[f], partner.seller[f]])),
    billable: isBillable(partner.seller),
  };
}

export function partnerEvent(type: PartnerEventType, partner: Partner, changed?: string[]): CloudEvent<PartnerEventData> {
  const data = partnerEventData(partner);
  if (changed) data.changed = changed;
  return createEvent({ source: EVENT_SOURCE, type, subject: partner.id, data, partnerId: partner.id });
}
