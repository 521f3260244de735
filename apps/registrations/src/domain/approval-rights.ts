import { forbidden } from '@scai/api';
import { isSuperAdmin, type Caller } from '@scai/permissions';
import type { RequestSubject } from './request-subject.ts';

function isPartnerAdminOf(caller: Caller, partnerId: string | null): boolean {
  return partnerId !== null && caller.roles.includes('partner_admin') && caller.partnerId === partnerId;
}

function isTenantAdminOf(caller: Caller, tenantId: string | null): boolean {
  return tenantId !== null && caller.roles.includes('tenant_admin') && caller.tenantId === tenantId;
}

/**
 * Approval rights (api-catalog): GLOBAL → super admin; PARTNER → super admin or that
 * partner's admin; TENANT → also the tenant's admin or its partner's admin.
 */
export function mayReview(caller: Caller, request: Pick<RequestSubject, 'scope' | 'tenantId' | 'partnerId'>): boolean {
  if (isSuperAdmin(caller)) return true;
  switch (request.scope) {
    case 'GLOBAL':
      return false;
    case 'PARTNER':
      return isPartnerAdminOf(caller, request.partnerId);
    case 'TENANT':
      return isPartnerAdminOf(caller, request.partnerId) || isTenantAdminOf(caller, request.tenantId);
  }
}

export interface ApprovalPolicy {
  /** REGISTRATION_REQUIRE_SECOND_ADMIN: the requester may not approve their own request. */
  requireSecondAdmin: boolean;
}

export function assertMayApprove(caller: Caller, request: RequestSubject, policy: ApprovalPolicy): void {
  if (!mayReview(caller, request)) throw forbidden('Not allowed to approve this registration request');
  if (policy.requireSecondAdmin && request.requestedBy === caller.subject) {
    throw forbidden('A second admin must approve this registration request');
  }
}

export function assertMayReject(caller: Caller, request: RequestSubject): void {
  if (!mayReview(caller, request)) throw forbidden('Not allowed to reject this registration request');
}

/** The requester may withdraw their own request; a reviewer may cancel it too. */
export function assertMayCancel(caller: Caller, request: RequestSubject): void {
  if (request.requestedBy === caller.subject || mayReview(caller, request)) return;
  throw forbidden('Not allowed to cancel this registration request');
}
