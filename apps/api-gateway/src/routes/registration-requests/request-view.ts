import type { Static } from '@fastify/type-provider-typebox';
import type { registrations } from '@scai/proto';
import type { RegistrationRequestView } from './schemas.ts';

const orNull = <T>(value: T | undefined): T | null => value ?? null;

/** The gRPC message as the REST body (snake_case, absent optionals as null). */
export function requestView(message: registrations.v1.RegistrationRequest | undefined): Static<typeof RegistrationRequestView> {
  if (!message) throw new Error('registrations service answered without a request');
  return {
    id: message.id,
    scope: message.scope,
    tenant_id: orNull(message.tenantId),
    partner_id: orNull(message.partnerId),
    name: message.name,
    description: orNull(message.description),
    application_type: message.applicationType,
    redirect_uris: message.redirectUris,
    post_logout_redirect_uris: message.postLogoutRedirectUris,
    allowed_origins: message.allowedOrigins,
    requested_scopes: message.requestedScopes,
    grant_types: message.grantTypes,
    contact_email: message.contactEmail,
    contact_name: orNull(message.contactName),
    organization_name: orNull(message.organizationName),
    website_url: orNull(message.websiteUrl),
    status: message.status,
    source: message.source,
    requested_by: message.requestedBy,
    reviewed_by: orNull(message.reviewedBy),
    reviewed_at: orNull(message.reviewedAt),
    review_notes: orNull(message.reviewNotes),
    rejection_reason: orNull(message.rejectionReason),
    cancelled_by: orNull(message.cancelledBy),
    cancelled_at: orNull(message.cancelledAt),
    application_id: orNull(message.applicationId),
    client_id: orNull(message.clientId),
    expires_at: orNull(message.expiresAt),
    created_at: orNull(message.createdAt),
    updated_at: orNull(message.updatedAt),
  };
}
