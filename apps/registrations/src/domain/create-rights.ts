import { forbidden, notFound } from '@scai/api';
import { canReachPartner, canReachTenant, isSuperAdmin, reachOf, type Caller } from '@scai/permissions';
import type { RequestScope } from './registration-values.ts';

/** Where a new request would live, after the tenant's partner has been looked up. */
export interface CreateTarget {
  scope: RequestScope;
  tenantId: string | null;
  partnerId: string | null;
}

/**
 * Who may file a request: GLOBAL only a super admin; PARTNER an admin whose reach covers
 * the partner; TENANT an admin whose reach covers the tenant. A partner or tenant out of
 * reach answers 404 like an unknown one; a tenant admin asking for a wider scope is 403.
 */
export function assertMayCreate(caller: Caller, target: CreateTarget): void {
  const reach = reachOf(caller);
  switch (target.scope) {
    case 'GLOBAL':
      if (!isSuperAdmin(caller)) throw forbidden('Only a super admin may request a GLOBAL application');
      return;
    case 'PARTNER':
      if (reach.level === 'tenant' || reach.level === 'none') throw forbidden('Tenant admins may only request TENANT applications');
      if (!target.partnerId || !canReachPartner(reach, target.partnerId)) throw notFound('Partner');
      return;
    case 'TENANT':
      if (!target.tenantId || !canReachTenant(reach, { id: target.tenantId, partnerId: target.partnerId })) throw notFound('Tenant');
      return;
  }
}
