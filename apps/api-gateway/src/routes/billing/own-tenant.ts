import type { FastifyRequest } from 'fastify';
import { forbidden } from '@scai/api';
import { callerOf } from '../../auth/authenticate.ts';

/**
 * The tenant a tenant-side route (`/billing/*`, `/subscriptions`) acts on: the caller's
 * own. Platform and partner admins have none and use the `/admin/tenants/{tenant_id}/…` routes.
 */
export function ownTenantId(request: FastifyRequest): string {
  const tenantId = callerOf(request)?.tenantId;
  if (!tenantId) throw forbidden('This route acts on your own tenant; administrators use the /admin/tenants/{tenant_id} routes');
  return tenantId;
}
