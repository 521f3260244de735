import type { AppScope } from '@scai/permissions';
import type { UserView } from '../store/users.ts';

/**
 * Claims this platform adds to an access token issued by the OpenID provider (on top of
 * the provider's `iss, sub, aud, exp, iat, jti, client_id, scope`), as docs/contracts.md
 * lists them and the gateway's token verifier reads them.
 */
export interface PlatformTokenClaims {
  token_type: 'access' | 'client_credentials';
  tenant_id: string | null;
  partner_id: string | null;
  roles: string[];
  permissions: string[];
  email?: string;
  app_scope?: AppScope;
}

/** A person's token: who they are, with the permissions their roles give, narrowed to what the application was granted. */
export function userTokenClaims(user: Pick<UserView, 'email' | 'tenantId' | 'partnerId' | 'roles' | 'permissions'>, grantedScopes: readonly string[]): PlatformTokenClaims {
  const granted = new Set(grantedScopes);
  return {
    token_type: 'access',
    tenant_id: user.tenantId,
    partner_id: user.partnerId,
    roles: [...user.roles],
    permissions: user.permissions.filter((permission) => granted.has(permission)),
    email: user.email,
  };
}

/** A SERVICE application's `client_credentials` token: the owner of the application and the scopes it got. */
export function serviceTokenClaims(client: { appScope: AppScope; tenantId: string | null; partnerId: string | null }, grantedScopes: readonly string[]): PlatformTokenClaims {
  return {
    token_type: 'client_credentials',
    tenant_id: client.tenantId,
    partner_id: client.partnerId,
    roles: ['service'],
    permissions: [...grantedScopes],
    app_scope: client.appScope,
  };
}

export function scopeList(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}
