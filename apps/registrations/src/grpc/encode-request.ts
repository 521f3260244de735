import type { registrations } from '@scai/proto';
import type { RegistrationRequest } from '../generated/prisma/client.ts';

const iso = (value: Date | null): string | undefined => value?.toISOString();
const opt = (value: string | null): string | undefined => value ?? undefined;

/** A stored request on the wire. The row holds no secret, so none can leak from here. */
export function encodeRequest(row: RegistrationRequest): registrations.v1.RegistrationRequest {
  return {
    id: row.id,
    scope: row.scope,
    tenantId: opt(row.tenantId),
    partnerId: opt(row.partnerId),
    name: row.name,
    description: opt(row.description),
    applicationType: row.applicationType,
    redirectUris: row.redirectUris,
    postLogoutRedirectUris: row.postLogoutRedirectUris,
    allowedOrigins: row.allowedOrigins,
    requestedScopes: row.requestedScopes,
    grantTypes: row.grantTypes,
    contactEmail: row.contactEmail,
    contactName: opt(row.contactName),
    organizationName: opt(row.organizationName),
    websiteUrl: opt(row.websiteUrl),
    status: row.status,
    source: row.source,
    requestedBy: row.requestedBy,
    reviewedBy: opt(row.reviewedBy),
    reviewedAt: iso(row.reviewedAt),
    reviewNotes: opt(row.reviewNotes),
    rejectionReason: opt(row.rejectionReason),
    cancelledBy: opt(row.cancelledBy),
    cancelledAt: iso(row.cancelledAt),
    applicationId: opt(row.applicationId),
    clientId: opt(row.clientId),
    expiresAt: iso(row.expiresAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
