import { conflict, notFound } from '@scai/api';
import type { PartnerLimits, PartnerStatus } from './partner.ts';

/** What tenant creation (or a move) needs to know about the receiving partner. */
export interface PartnerForTenants extends Pick<PartnerLimits, 'maxTenants'> {
  id: string;
  status: PartnerStatus;
  deletedAt: Date | null;
}

/**
 * A tenant may be added under a partner that exists, is active, and has fewer live
 * tenants than its `max_tenants`.
 */
export function assertCanAddTenant(partner: PartnerForTenants | null, liveTenants: number): void {
  if (!partner || partner.deletedAt) throw notFound('Partner');
  if (partner.status !== 'ACTIVE') {
    throw conflict('Partner is suspended; tenants cannot be added', { partner_id: partner.id, status: partner.status });
  }
  if (liveTenants >= partner.maxTenants) {
    throw conflict(`Partner has reached its limit of ${partner.maxTenants} tenants`, {
      partner_id: partner.id,
      max_tenants: partner.maxTenants,
    });
  }
}
