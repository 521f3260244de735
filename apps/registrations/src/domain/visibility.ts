import type { Reach } from '@scai/permissions';
import type { RequestSubject } from './request-subject.ts';
import type { RequestScope } from './registration-values.ts';

/**
 * The rows an admin may see (seed 002): super admin all; partner admin PARTNER requests
 * of its partner and TENANT requests of that partner's tenants (a TENANT request stores
 * its tenant's partner, so both are a match on partner_id); tenant admin TENANT
 * requests of its tenant. `null`: nothing is visible.
 */
export type VisibilityFilter =
  | { all: true }
  | { all: false; scopes: RequestScope[]; partnerId?: string; tenantId?: string };

export function visibilityFilter(reach: Reach): VisibilityFilter | null {
  switch (reach.level) {
    case 'platform':
      return { all: true };
    case 'partner':
      return { all: false, scopes: ['PARTNER', 'TENANT'], partnerId: reach.partnerId };
    case 'tenant':
      return { all: false, scopes: ['TENANT'], tenantId: reach.tenantId };
    default:
      return null;
  }
}

/** The same rule for one request already in memory (tests and double checks). */
export function isVisible(reach: Reach, request: Pick<RequestSubject, 'scope' | 'tenantId' | 'partnerId'>): boolean {
  const filter = visibilityFilter(reach);
  if (!filter) return false;
  if (filter.all) return true;
  if (!filter.scopes.includes(request.scope)) return false;
  if (filter.partnerId !== undefined && request.partnerId !== filter.partnerId) return false;
  if (filter.tenantId !== undefined && request.tenantId !== filter.tenantId) return false;
  return true;
}
