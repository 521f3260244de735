import type { auth } from '@scai/proto';
import type { ApplicationRow } from '../store/applications.ts';
import type { UserView } from '../store/users.ts';
import { isConfidential } from '../domain/application-rules.ts';

const opt = (value: string | null) => value ?? undefined;

export function toProtoUser(user: UserView): auth.v1.User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    tenantId: opt(user.tenantId),
    partnerId: opt(user.partnerId),
    roles: user.roles,
    permissions: user.permissions,
    lastLoginAt: user.lastLoginAt?.toISOString(),
    createdAt: user.createdAt.toISOString(),
  };
}

export function toProtoApplication(app: ApplicationRow): auth.v1.Application {
  return {
    id: app.id,
    clientId: app.clientId,
    name: app.name,
    description: opt(app.description),
    applicationType: app.applicationType,
    scope: app.scope,
    tenantId: opt(app.tenantId),
    partnerId: opt(app.partnerId),
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    allowedOrigins: app.allowedOrigins,
    allowedScopes: app.allowedScopes,
    grantTypes: app.grantTypes,
    tokenLifetime: app.tokenLifetime,
    registrationRequestId: opt(app.registrationRequestId),
    status: app.status,
    confidential: isConfidential(app.applicationType),
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}
