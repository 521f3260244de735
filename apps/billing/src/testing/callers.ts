import { scopesOfRoles, type Caller, type Role } from '@scai/permissions';

/** A caller as the gateway builds it from a token, with its roles' scopes. */
export function callerWith(role: Role, place: { tenantId?: string; partnerId?: string } = {}): Caller {
  return {
    subject: `usr_${role}`,
    kind: 'user',
    tenantId: place.tenantId ?? null,
    partnerId: place.partnerId ?? null,
    roles: [role],
    permissions: scopesOfRoles([role]),
    clientId: null,
    appScope: null,
  };
}
