import { describe, expect, it } from 'vitest';
import { reachOf, type Caller } from '@scai/permissions';
import { requireAdmin } from './admin-access.ts';
import { assertMayApprove, assertMayCancel, assertMayReject, mayReview } from './approval-rights.ts';
import { assertMayCreate } from './create-rights.ts';
import type { RequestSubject } from './request-subject.ts';
import { isVisible, visibilityFilter } from './visibility.ts';
import { partnerAdminA, partnerAdminB, superAdmin, tenantAdminA1, tenantAdminA2, tenantMember } from '../testing/callers.ts';

const globalReq: RequestSubject = { scope: 'GLOBAL', tenantId: null, partnerId: null, requestedBy: 'usr_super', status: 'PENDING' };
const partnerReqA: RequestSubject = { scope: 'PARTNER', tenantId: null, partnerId: 'prt_a', requestedBy: 'usr_pa', status: 'PENDING' };
const tenantReqA1: RequestSubject = { scope: 'TENANT', tenantId: 'tnt_a1', partnerId: 'prt_a', requestedBy: 'usr_ta1', status: 'PENDING' };
const tenantReqB1: RequestSubject = { scope: 'TENANT', tenantId: 'tnt_b1', partnerId: 'prt_b', requestedBy: 'usr_pb', status: 'PENDING' };

const code = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('visibility', () => {
  it('super admin sees everything', () => {
    expect(visibilityFilter(reachOf(superAdmin))).toEqual({ all: true });
    for (const r of [globalReq, partnerReqA, tenantReqA1, tenantReqB1]) expect(isVisible(reachOf(superAdmin), r)).toBe(true);
  });

  it("partner admin sees its partner's PARTNER and TENANT requests only", () => {
    const reach = reachOf(partnerAdminA);
    expect(visibilityFilter(reach)).toEqual({ all: false, scopes: ['PARTNER', 'TENANT'], partnerId: 'prt_a' });
    expect([globalReq, partnerReqA, tenantReqA1, tenantReqB1].map((r) => isVisible(reach, r))).toEqual([false, true, true, false]);
  });

  it("tenant admin sees its tenant's TENANT requests only", () => {
    const reach = reachOf(tenantAdminA1);
    expect(visibilityFilter(reach)).toEqual({ all: false, scopes: ['TENANT'], tenantId: 'tnt_a1' });
    expect([globalReq, partnerReqA, tenantReqA1, tenantReqB1].map((r) => isVisible(reach, r))).toEqual([false, false, true, false]);
    expect(isVisible(reachOf(tenantAdminA2), tenantReqA1)).toBe(false);
  });

  it('nothing without reach', () => {
    expect(visibilityFilter({ level: 'none' })).toBeNull();
    expect(isVisible({ level: 'none' }, tenantReqA1)).toBe(false);
  });
});

describe('requireAdmin', () => {
  it('admits the three admin roles and refuses members', () => {
    for (const caller of [superAdmin, partnerAdminA, tenantAdminA1]) expect(code(() => requireAdmin(caller, 'write'))).toBeNull();
    expect(code(() => requireAdmin(tenantMember, 'read'))).toBe('forbidden');
  });

  it('lets a platform token read with admin:read but write only with admin:write', () => {
    const token: Caller = { ...superAdmin, kind: 'service', roles: ['service'], appScope: 'GLOBAL', permissions: ['admin:read'] };
    expect(code(() => requireAdmin(token, 'read'))).toBeNull();
    expect(code(() => requireAdmin(token, 'write'))).toBe('forbidden');
    expect(code(() => requireAdmin({ ...token, permissions: ['admin:write'] }, 'write'))).toBeNull();
  });
});

describe('who may create', () => {
  it('GLOBAL only a super admin', () => {
    expect(code(() => assertMayCreate(superAdmin, globalReq))).toBeNull();
    expect(code(() => assertMayCreate(partnerAdminA, globalReq))).toBe('forbidden');
  });

  it('PARTNER within the partner admin reach; 404 for another partner; 403 for tenant admins', () => {
    expect(code(() => assertMayCreate(partnerAdminA, partnerReqA))).toBeNull();
    expect(code(() => assertMayCreate(partnerAdminB, partnerReqA))).toBe('not_found');
    expect(code(() => assertMayCreate(tenantAdminA1, partnerReqA))).toBe('forbidden');
  });

  it('TENANT within reach, 404 outside', () => {
    expect(code(() => assertMayCreate(tenantAdminA1, tenantReqA1))).toBeNull();
    expect(code(() => assertMayCreate(partnerAdminA, tenantReqA1))).toBeNull();
    expect(code(() => assertMayCreate(tenantAdminA2, tenantReqA1))).toBe('not_found');
    expect(code(() => assertMayCreate(partnerAdminB, tenantReqA1))).toBe('not_found');
  });
});

describe('approval rights', () => {
  const policy = { requireSecondAdmin: false };

  it('GLOBAL: super admin only', () => {
    expect(mayReview(superAdmin, globalReq)).toBe(true);
    expect(mayReview(partnerAdminA, globalReq)).toBe(false);
  });

  it("PARTNER: super admin or that partner's admin", () => {
    expect(mayReview(partnerAdminA, partnerReqA)).toBe(true);
    expect(mayReview(partnerAdminB, partnerReqA)).toBe(false);
    expect(mayReview(tenantAdminA1, partnerReqA)).toBe(false);
  });

  it("TENANT: also the tenant's admin or its partner's admin", () => {
    expect(mayReview(tenantAdminA1, tenantReqA1)).toBe(true);
    expect(mayReview(partnerAdminA, tenantReqA1)).toBe(true);
    expect(mayReview(tenantAdminA2, tenantReqA1)).toBe(false);
    expect(mayReview(partnerAdminB, tenantReqA1)).toBe(false);
  });

  it('the second-admin setting forbids approving your own request', () => {
    expect(code(() => assertMayApprove(tenantAdminA1, tenantReqA1, policy))).toBeNull();
    expect(code(() => assertMayApprove(tenantAdminA1, tenantReqA1, { requireSecondAdmin: true }))).toBe('forbidden');
    expect(code(() => assertMayApprove(partnerAdminA, tenantReqA1, { requireSecondAdmin: true }))).toBeNull();
  });

  it('reject follows approval rights; cancel also admits the requester', () => {
    expect(code(() => assertMayReject(partnerAdminB, tenantReqB1))).toBeNull();
    expect(code(() => assertMayReject(tenantAdminA1, partnerReqA))).toBe('forbidden');
    const ownGlobal = { ...globalReq, requestedBy: partnerAdminA.subject };
    expect(code(() => assertMayCancel(partnerAdminA, ownGlobal))).toBeNull();
    expect(code(() => assertMayCancel(tenantAdminA1, partnerReqA))).toBe('forbidden');
  });
});
