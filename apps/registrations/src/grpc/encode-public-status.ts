import type { registrations } from '@scai/proto';
import type { RegistrationRequest } from '../generated/prisma/client.ts';

/**
 * What an anonymous requester sees of their request: its state and, once approved, the
 * client id; the secret only when this read is the one that delivered it.
 */
export function encodePublicStatus(row: RegistrationRequest, clientSecret: string | null): registrations.v1.PublicRequestStatus {
  return {
    requestId: row.id,
    status: row.status,
    scope: row.scope,
    name: row.name,
    applicationType: row.applicationType,
    rejectionReason: row.rejectionReason ?? undefined,
    clientId: row.clientId ?? undefined,
    clientSecret: clientSecret ?? undefined,
    clientSecretDelivered: row.secretDeliveredAt !== null,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
