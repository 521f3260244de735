import { randomUUID } from 'node:crypto';
import type { AppScope } from '@scai/permissions';

/** The platform issuer and audience (docs/contracts.md "Identity on the wire"). */
export function platformIssuer(publicUrl: string): string {
  return `${publicUrl}/api/v1/platform/oauth`;
}

export function apiAudience(publicUrl: string): string {
  return `${publicUrl}/api/v1`;
}

/** The console's client id: admin sign-in tokens are issued to it. */
export const ADMIN_CONSOLE_CLIENT_ID = 'scai-admin-console';

export interface AccessClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  nbf: number;
  jti: string;
  client_id: string;
  scope: string;
  tenant_id: string | null;
  partner_id: string | null;
  roles: string[];
  permissions: string[];
  token_type: 'access' | 'client_credentials';
  email?: string;
  sid?: string;
  app_scope?: AppScope;
}

interface Common {
  publicUrl: string;
  now: Date;
  ttlSeconds: number;
  jti?: string;
}

function times(now: Date, ttlSeconds: number) {
  const iat = Math.floor(now.getTime() / 1000);
  return { iat, nbf: iat, exp: iat + ttlSeconds };
}

/** Claims of a person's access token (admin sign-in and refresh). */
export function userAccessClaims(
  input: Common & {
    userId: string;
    email: string;
    tenantId: string | null;
    partnerId: string | null;
    roles: readonly string[];
    permissions: readonly string[];
    clientId: string;
    sessionId: string;
  },
): AccessClaims {
  return {
    iss: platformIssuer(input.publicUrl),
    sub: input.userId,
    aud: apiAudience(input.publicUrl),
    ...times(input.now, input.ttlSeconds),
    jti: input.jti ?? randomUUID(),
    client_id: input.clientId,
    scope: input.permissions.join(' '),
    tenant_id: input.tenantId,
    partner_id: input.partnerId,
    roles: [...input.roles],
    permissions: [...input.permissions],
    email: input.email,
    token_type: 'access',
    sid: input.sessionId,
  };
}

/** Claims of a SERVICE application's `client_credentials` token: `sub` is the client id. */
export function serviceAccessClaims(
  input: Common & {
    clientId: string;
    appScope: AppScope;
    tenantId: string | null;
    partnerId: string | null;
    grantedScopes: readonly string[];
  },
): AccessClaims {
  return {
    iss: platformIssuer(input.publicUrl),
    sub: input.clientId,
    aud: apiAudience(input.publicUrl),
    ...times(input.now, input.ttlSeconds),
    jti: input.jti ?? randomUUID(),
    client_id: input.clientId,
    scope: input.grantedScopes.join(' '),
    tenant_id: input.tenantId,
    partner_id: input.partnerId,
    roles: ['service'],
    permissions: [...input.grantedScopes],
    token_type: 'client_credentials',
    app_scope: input.appScope,
  };
}
