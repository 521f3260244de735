import { forbidden, notFound, validationFailed } from '@scai/api';
import { assertReachesPartner, reachOf, requirePermission, type Access, type Caller, type Reach } from '@scai/permissions';
import { touchesPlatformGovernedFields, type PartnerPatch } from './partner.ts';

/**
 * Who may do what with partners and tenants. Permission first (403 when the kind of
 * action is not granted), then reach (404 for anything outside it, so existence is not
 * revealed).
 */

/** Listing and creating partners: super admin (or a GLOBAL service token with admin:read/write). */
export function authorizePartnerCollection(caller: Caller, access: Access): void {
  requirePermission(caller, 'admin:partners', access);
  if (reachOf(caller).level !== 'platform') throw forbidden('Platform admin only');
}

/** One partner: `admin:partners` and the partner within reach. */
export function authorizePartner(caller: Caller, partnerId: string, access: Access): Reach {
  requirePermission(caller, 'admin:partners', access);
  const reach = reachOf(caller);
  assertReachesPartner(reach, partnerId);
  return reach;
}

/** Deleting a partner (and so suspending its tenants) is the platform's decision alone. */
export function authorizePartnerDeletion(caller: Caller, partnerId: string): Reach {
  const reach = authorizePartner(caller, partnerId, 'write');
  if (reach.level !== 'platform') throw forbidden('Platform admin only');
  return reach;
}

/** A partner's own admin may edit its profile, not what the platform granted it. */
export function authorizePartnerPatch(caller: Caller, partnerId: string, patch: PartnerPatch): void {
  const reach = authorizePartner(caller, partnerId, 'write');
  if (reach.level !== 'platform' && touchesPlatformGovernedFields(patch)) {
    throw forbidden('Only a platform admin may change slug, status or limits of a partner');
  }
}

/** Tenant administration: `admin:tenants`; the returned reach filters every query. */
export function authorizeTenants(caller: Caller, access: Access): Reach {
  requirePermission(caller, 'admin:tenants', access);
  return reachOf(caller);
}

/**
 * The data-layer filter for tenants: platform → all, partner → its own. Tenant admins
 * and members administer no tenants here (they use the organization routes).
 */
export function tenantScope(reach: Reach): { partnerId?: string } | null {
  if (reach.level === 'platform') return {};
  if (reach.level === 'partner') return { partnerId: reach.partnerId };
  return null;
}

/** The partner a new tenant goes under: the requested one within reach, or the caller's own. */
export function partnerForNewTenant(reach: Reach, requested: string | undefined): string {
  if (reach.level === 'platform') {
    if (!requested) throw validationFailed([{ loc: ['body', 'partner_id'], msg: 'field required', type: 'missing' }]);
    return requested;
  }
  if (reach.level === 'partner') {
    const partnerId = requested ?? reach.partnerId;
    assertReachesPartner(reach, partnerId);
    return partnerId;
  }
  throw notFound('Partner');
}


/** Internal look-ups (the auth app resolving tenant issuers): platform callers only. */
export function authorizeInternalLookup(caller: Caller): void {
  if (reachOf(caller).level !== 'platform') throw forbidden('Internal call');
}
