/** Event types this app publishes (CloudEvents `type`, `scai.<domain>.<entity>.<verb>`). */
export const EVENT_SOURCE = '/apps/partners';

export const PartnerEvents = {
  created: 'scai.partners.partner.created',
  updated: 'scai.partners.partner.updated',
  deleted: 'scai.partners.partner.deleted',
} as const;

export const TenantEvents = {
  created: 'scai.partners.tenant.created',
  updated: 'scai.partners.tenant.updated',
  suspended: 'scai.partners.tenant.suspended',
  deleted: 'scai.partners.tenant.deleted',
} as const;

export type PartnerEventType = (typeof PartnerEvents)[keyof typeof PartnerEvents];
export type TenantEventType = (typeof TenantEvents)[keyof typeof TenantEvents];
