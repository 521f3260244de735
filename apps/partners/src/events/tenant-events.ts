import { createEvent, type CloudEvent } from '@scai/events';
import type { Tenant } from '../domain/tenant.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import type { TenantBranding } from '../domain/tenant-branding.ts';
import { EVENT_SOURCE, type TenantEventType } from './event-types.ts';

export interface TenantEventData {
  id: string;
  partner_id: string;
  name: string;
  slug: string;
  status: string;
  contact_email: string;
  settings: TenantSettings;
  branding: TenantBranding;
  /** For `updated`: the fields the change touched. */
  changed?: string[];
  /** For `suspended`: why (`partner_deleted`, `admin`). */
  reason?: string;
}

export function tenantEventData(tenant: Tenant): TenantEventData {
  return {
    id: tenant.id,
    partner_id: tenant.partnerId,
    name: tenant.name,
    slug: tenant.slug,
    status: tenant.status,
    contact_email: tenant.contactEmail,
    settings: tenant.settings,
    branding: tenant.branding,
  };
}

export function tenantEvent(
  type: TenantEventType,
  tenant: Tenant,
  extra: Pick<TenantEventData, 'changed' | 'reason'> = {},
): CloudEvent<TenantEventData> {
  const data = { ...tenantEventData(tenant), ...extra };
  return createEvent({ source: EVENT_SOURCE, type, subject: tenant.id, data, tenantId: tenant.id, partnerId: tenant.partnerId });
}
