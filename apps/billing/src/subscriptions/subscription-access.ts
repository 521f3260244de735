import { unauthorized } from '@scai/api';
import { reachOf, requirePermission, type Access, type Caller, type Reach } from '@scai/permissions';

/**
 * The reach a subscription call works in: the caller's own (a tenant's users their
 * tenant, a partner admin its partner's tenants, the platform everything). Tenant-side
 * calls need subscriptions:read / subscriptions:manage, admin calls admin:subscriptions.
 */
export function subscriptionReach(caller: Caller | null, asAdmin: boolean, access: Access): Reach {
  if (!caller) throw unauthorized();
  if (asAdmin) requirePermission(caller, 'admin:subscriptions', access);
  else requirePermission(caller, access === 'read' ? 'subscriptions:read' : 'subscriptions:manage');
  return reachOf(caller);
}
