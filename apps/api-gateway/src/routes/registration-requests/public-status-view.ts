import type { Static } from '@fastify/type-provider-typebox';
import type { registrations } from '@scai/proto';
import type { PublicRegistrationStatus } from './public-schemas.ts';

const orNull = <T>(value: T | undefined): T | null => value ?? null;

/** The gRPC status as the REST body (snake_case, absent optionals as null). */
export function publicStatusView(message: registrations.v1.PublicRequestStatus | undefined): Static<typeof PublicRegistrationStatus> {
  if (!message) throw new Error('registrations service answered without a status');
  return {
    request_id: message.requestId,
    status: message.status,
    scope: message.scope,
    name: message.name,
    application_type: message.applicationType,
    rejection_reason: orNull(message.rejectionReason),
    client_id: orNull(message.clientId),
    client_secret: orNull(message.clientSecret),
    client_secret_delivered: message.clientSecretDelivered,
    created_at: orNull(message.createdAt),
    reviewed_at: orNull(message.reviewedAt),
    expires_at: orNull(message.expiresAt),
  };
}
