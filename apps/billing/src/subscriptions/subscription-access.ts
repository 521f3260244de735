import { forbidden, unauthorized } from '@scai/api';
import { reachOf, requirePermission, type Access, type Caller, type Reach } from '@scai/permissions';

/**
 * The reach a subscription call works in. Tenant-side calls act on the caller's own
 * tenant (subscriptions:read / subscriptions:manage); admin calls need
 * admin:subscriptions and see what the caller's role reaches (a partner admin: its
 * partner's tenants).
 */
export function subscriptionReach(caller: Caller | null, asAdmin: boolean, access: Access): Reach {
  if (!caller) throw unauthorized();
  if (asAdmin) {
    requirePermission(caller, 'admin:subscriptions', access);
    return reachOf(caller);
  }
  if (!caller.tenantId) throw forbidden('This route acts on your own tenant; administrators use /admin/subscriptions');
  requirePermission(caller, access === 'read' ? 'subscriptions:read' : 'subscriptions:manage');
  return { level: 'tenant', tenantId: caller.tenantId, partnerId: caller.partnerId };
}
