import { unauthorized } from '@scai/api';
import { assertReachesTenant, reachOf, requirePermission, type Access, type Caller } from '@scai/permissions';

/**
 * Who may read or write a tenant's billing profile: its own users with billing:read /
 * billing:manage, anyone else with admin:tenants and the tenant in reach. A tenant out of
 * reach is 404, so its existence is not revealed.
 */
export function authorizeProfile(caller: Caller | null, tenant: { id: string; partnerId: string }, access: Access): void {
  if (!caller) throw unauthorized();
  assertReachesTenant(reachOf(caller), tenant);
  if (caller.tenantId === tenant.id) requirePermission(caller, access === 'read' ? 'billing:read' : 'billing:manage');
  else requirePermission(caller, 'admin:tenants', access);
}
