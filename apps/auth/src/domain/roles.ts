import { ADMIN_ROLES, isRole, scopesOfRoles, type Role } from '@scai/permissions';

export interface RoleGrantRow {
  role: string;
  tenantId: string | null;
  partnerId: string | null;
  expiresAt: Date | null;
}

/** Roles that count now: known and not expired. */
export function effectiveRoles(grants: readonly RoleGrantRow[], now: Date): Role[] {
  const roles = grants
    .filter((grant) => grant.expiresAt === null || grant.expiresAt.getTime() > now.getTime())
    .map((grant) => grant.role)
    .filter(isRole);
  return [...new Set(roles)].sort();
}

export function permissionsOf(roles: readonly Role[]): string[] {
  return scopesOfRoles(roles);
}

export function holdsAdminRole(roles: readonly Role[]): boolean {
  return roles.some((role) => ADMIN_ROLES.includes(role));
}

/** A role grant's own requirements (domain.md): partner_admin needs a partner, tenant_admin a tenant. */
export function roleGrantProblem(grant: { role: string; tenantId?: string | null; partnerId?: string | null }): string | null {
  if (!isRole(grant.role)) return `unknown role ${grant.role}`;
  if (grant.role === 'partner_admin' && !grant.partnerId) return 'partner_admin needs partner_id';
  if (grant.role === 'tenant_admin' && !grant.tenantId) return 'tenant_admin needs tenant_id';
  return null;
}
