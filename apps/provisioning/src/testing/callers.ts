import { scopesOfRoles, type AppScope, type Caller, type Role } from '@scai/permissions';

/** A SERVICE application's client_credentials caller, as the gateway builds it from the token. */
export function serviceCaller(clientId: string, scopes: string[] = ['registry:manage'], appScope: AppScope = 'GLOBAL', tenantId: string | null = null): { caller: Caller } {
  return {
    caller: { subject: clientId, kind: 'service', tenantId, partnerId: null, roles: ['service'], permissions: scopes, clientId, appScope },
  };
}

/** A signed-in user with one role and its scopes. */
export function userCaller(role: Role, place: { tenantId?: string; partnerId?: string } = {}): { caller: Caller } {
  return {
    caller: {
      subject: `usr_${role}`,
      kind: 'user',
      tenantId: place.tenantId ?? null,
      partnerId: place.partnerId ?? null,
      roles: [role],
      permissions: scopesOfRoles([role]),
      clientId: null,
      appScope: null,
    },
  };
}
