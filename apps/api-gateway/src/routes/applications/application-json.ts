import type { Static } from '@fastify/type-provider-typebox';
import { auth } from '@scai/proto';
import type { AdminApplication } from './application-schemas.ts';

type Json = Static<typeof AdminApplication>;

export function applicationJson(app: auth.v1.Application | undefined): Json {
  if (!app) throw new Error('auth service answered without an application');
  return {
    id: app.id,
    client_id: app.clientId,
    name: app.name,
    description: app.description ?? null,
    application_type: app.applicationType as Json['application_type'],
    scope: app.scope as Json['scope'],
    tenant_id: app.tenantId ?? null,
    partner_id: app.partnerId ?? null,
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    allowed_origins: app.allowedOrigins,
    allowed_scopes: app.allowedScopes,
    grant_types: app.grantTypes,
    token_lifetime: app.tokenLifetime,
    status: app.status as Json['status'],
    confidential: app.confidential,
    registration_request_id: app.registrationRequestId ?? null,
    created_at: app.createdAt ?? '',
    updated_at: app.updatedAt ?? '',
  };
}

const { ApplicationStatus } = auth.v1;

export function applicationStatusToWire(status: string | undefined): auth.v1.ApplicationStatus {
  if (status === 'ACTIVE') return ApplicationStatus.ACTIVE;
  if (status === 'DISABLED') return ApplicationStatus.DISABLED;
  return ApplicationStatus.UNSPECIFIED;
}

/** A list field of an update: present replaces, absent leaves it as it is. */
export const valuesOf = (values: string[] | undefined): auth.v1.ApplicationValues | undefined => (values ? { values } : undefined);
