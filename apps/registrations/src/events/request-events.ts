import { createEvent, type CloudEvent } from '@scai/events';
import type { RegistrationRequest } from '../generated/prisma/client.ts';

export const EVENT_SOURCE = '/apps/registrations';

export const REQUEST_EVENT_TYPES = {
  created: 'scai.registrations.request.created',
  approved: 'scai.registrations.request.approved',
  rejected: 'scai.registrations.request.rejected',
  cancelled: 'scai.registrations.request.cancelled',
  expired: 'scai.registrations.request.expired',
} as const;

export type RequestEventVerb = keyof typeof REQUEST_EVENT_TYPES;

/**
 * The data of every registration request event. No contact details (consumers in this
 * app read them from the row) and never a client secret.
 */
export interface RequestEventData {
  id: string;
  scope: string;
  tenant_id: string | null;
  partner_id: string | null;
  name: string;
  application_type: string;
  status: string;
  requested_by: string;
  reviewed_by: string | null;
  cancelled_by: string | null;
  application_id: string | null;
  client_id: string | null;
  rejection_reason: string | null;
}

export function requestEvent(verb: RequestEventVerb, row: RegistrationRequest): CloudEvent<RequestEventData> {
  return createEvent<RequestEventData>({
    source: EVENT_SOURCE,
    type: REQUEST_EVENT_TYPES[verb],
    subject: row.id,
    tenantId: row.tenantId,
    partnerId: row.partnerId,
    data: {
      id: row.id,
      scope: row.scope,
      tenant_id: row.tenantId,
      partner_id: row.partnerId,
      name: row.name,
      application_type: row.applicationType,
      status: row.status,
      requested_by: row.requestedBy,
      reviewed_by: row.reviewedBy,
      cancelled_by: row.cancelledBy,
      application_id: row.applicationId,
      client_id: row.clientId,
      rejection_reason: row.rejectionReason,
    },
  });
}
