import { scopesOfRoles, type Caller } from '@scai/permissions';

/** Callers of each level, as the gateway would build them from tokens. */
export function superAdmin(): Caller {
  return {
    subject: 'usr_super',
    kind: 'user',
    tenantId: null,
    partnerId: null,
    roles: ['super_admin'],
    permissions: scopesOfRoles(['super_admin']),
    clientId: null,
    appScope: null,
  };
}

/**
 * A partner admin. `withPartnerScope` adds `admin:partners` (granted explicitly, e.g. by a
 * group), which the partner_admin role alone does not carry.
 */
export function partnerAdmin(partnerId: string, options: { withPartnerScope?: boolean } = {}): Caller {
  const permissions: string[] = scopesOfRoles(['partner_admin']);
  if (options.withPartnerScope) permissions.push('admin:partners');
  return {
    subject: `usr_padmin_${partnerId}`,
    kind: 'user',
    tenantId: null,
    partnerId,
    roles: ['partner_admin'],
    permissions,
    clientId: null,
    appScope: null,
  };
}

export function tenantAdmin(tenantId: string, partnerId: string): Caller {
  return {
    subject: `usr_tadmin_${tenantId}`,
    kind: 'user',
    tenantId,
    partnerId,
    roles: ['tenant_admin'],
    permissions: scopesOfRoles(['tenant_admin']),
    clientId: null,
    appScope: null,
  };
}

/** A GLOBAL SERVICE application token with the given scopes (e.g. `admin:read`). */
export function platformService(scopes: string[]): Caller {
  return {
    subject: 'app_platform',
    kind: 'service',
    tenantId: null,
    partnerId: null,
    roles: ['service'],
    permissions: scopes,
    clientId: 'app_platform',
    appScope: 'GLOBAL',
  };
}
