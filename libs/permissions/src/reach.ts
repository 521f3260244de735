import { AppError } from '@scai/api';
import type { Caller } from './caller.ts';

/** Whose data a caller may see: super admin › partner admin › tenant admin/member. */
export type Reach =
  | { level: 'platform' }
  | { level: 'partner'; partnerId: string }
  | { level: 'tenant'; tenantId: string; partnerId: string | null }
  | { level: 'none' };

export function reachOf(caller: Caller): Reach {
  if (caller.roles.includes('super_admin')) return { level: 'platform' };
  if (caller.kind === 'service' && caller.appScope === 'GLOBAL') return { level: 'platform' };
  const partnerWide = caller.roles.includes('partner_admin') || (caller.kind === 'service' && caller.appScope === 'PARTNER');
  if (partnerWide && caller.partnerId) return { level: 'partner', partnerId: caller.partnerId };
  if (caller.tenantId) return { level: 'tenant', tenantId: caller.tenantId, partnerId: caller.partnerId };
  return { level: 'none' };
}

export function canReachPartner(reach: Reach, partnerId: string): boolean {
  switch (reach.level) {
    case 'platform':
      return true;
    case 'partner':
      return reach.partnerId === partnerId;
    default:
      return false;
  }
}

export function canReachTenant(reach: Reach, tenant: { id: string; partnerId: string | null }): boolean {
  switch (reach.level) {
    case 'platform':
      return true;
    case 'partner':
      return tenant.partnerId === reach.partnerId;
    case 'tenant':
      return tenant.id === reach.tenantId;
    default:
      return false;
  }
}

/** 404, never 403, for ids outside the reach: existence is not revealed. */
export function assertReachesTenant(reach: Reach, tenant: { id: string; partnerId: string | null }, what = 'Tenant'): void {
  if (!canReachTenant(reach, tenant)) throw new AppError('not_found', `${what} not found`);
}

export function assertReachesPartner(reach: Reach, partnerId: string, what = 'Partner'): void {
  if (!canReachPartner(reach, partnerId)) throw new AppError('not_found', `${what} not found`);
}

/**
 * A data-layer filter for rows that carry a tenant id and a partner id, so a store
 * cannot forget the caller's reach. `null` means nothing is reachable.
 */
export function reachWhere(
  reach: Reach,
  fields: { tenant: string; partner: string } = { tenant: 'tenantId', partner: 'partnerId' },
): Record<string, string> | null {
  switch (reach.level) {
    case 'platform':
      return {};
    case 'partner':
      return { [fields.partner]: reach.partnerId };
    case 'tenant':
      return { [fields.tenant]: reach.tenantId };
    default:
      return null;
  }
}
