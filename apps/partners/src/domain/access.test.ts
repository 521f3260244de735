import { describe, expect, it } from 'vitest';
import { reachOf } from '@scai/permissions';
import { partnerAdmin, platformService, superAdmin, tenantAdmin } from '../testing/callers.ts';
import {
  authorizeInternalLookup,
  authorizePartner,
  authorizePartnerCollection,
  authorizePartnerDeletion,
  authorizePartnerPatch,
  authorizeTenants,
  partnerForNewTenant,
  tenantScope,
} from './access.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('partner access', () => {
  it('lets only the platform list and create partners', () => {
    expect(code(() => authorizePartnerCollection(superAdmin(), 'write'))).toBe('ok');
    expect(code(() => authorizePartnerCollection(platformService(['admin:read']), 'read'))).toBe('ok');
    expect(code(() => authorizePartnerCollection(platformService(['admin:read']), 'write'))).toBe('forbidden');
    expect(code(() => authorizePartnerCollection(platformService(['admin:write']), 'write'))).toBe('ok');
    expect(code(() => authorizePartnerCollection(partnerAdmin('prt_a', { withPartnerScope: true }), 'read'))).toBe('forbidden');
    expect(code(() => authorizePartnerCollection(tenantAdmin('tnt_a', 'prt_a'), 'read'))).toBe('forbidden');
  });

  it('hides other partners behind not_found', () => {
    const admin = partnerAdmin('prt_a', { withPartnerScope: true });
    expect(code(() => authorizePartner(admin, 'prt_a', 'read'))).toBe('ok');
    expect(code(() => authorizePartner(admin, 'prt_b', 'read'))).toBe('not_found');
    // without admin:partners the kind of action is refused first
    expect(code(() => authorizePartner(tenantAdmin('tnt_a', 'prt_a'), 'prt_a', 'read'))).toBe('forbidden');
    // and a partner admin never deletes its own partner
    expect(code(() => authorizePartnerDeletion(partnerAdmin('prt_a'), 'prt_a'))).toBe('forbidden');
    expect(code(() => authorizePartnerDeletion(superAdmin(), 'prt_a'))).toBe('ok');
  });

  it('keeps limits, slug and status with the platform', () => {
    const admin = partnerAdmin('prt_a', { withPartnerScope: true });
    expect(code(() => authorizePartnerPatch(admin, 'prt_a', { name: 'A' }))).toBe('ok');
    expect(code(() => authorizePartnerPatch(admin, 'prt_a', { maxTenants: 1000 }))).toBe('forbidden');
    expect(code(() => authorizePartnerPatch(superAdmin(), 'prt_a', { maxTenants: 1000 }))).toBe('ok');
  });
});

describe('tenant access', () => {
  it('needs admin:tenants: tenant admins have none', () => {
    expect(code(() => authorizeTenants(tenantAdmin('tnt_a', 'prt_a'), 'read'))).toBe('forbidden');
    expect(code(() => authorizeTenants(partnerAdmin('prt_a'), 'write'))).toBe('ok');
  });

  it('scopes queries by reach', () => {
    expect(tenantScope(reachOf(superAdmin()))).toEqual({});
    expect(tenantScope(reachOf(partnerAdmin('prt_a')))).toEqual({ partnerId: 'prt_a' });
    expect(tenantScope(reachOf(tenantAdmin('tnt_a', 'prt_a')))).toBeNull();
  });

  it('puts new tenants under a reachable partner', () => {
    expect(partnerForNewTenant(reachOf(partnerAdmin('prt_a')), undefined)).toBe('prt_a');
    expect(code(() => partnerForNewTenant(reachOf(partnerAdmin('prt_a')), 'prt_b'))).toBe('not_found');
    expect(code(() => partnerForNewTenant(reachOf(superAdmin()), undefined))).toBe('validation_error');
    expect(partnerForNewTenant(reachOf(superAdmin()), 'prt_b')).toBe('prt_b');
  });

  it('keeps internal look-ups to platform callers', () => {
    expect(code(() => authorizeInternalLookup(superAdmin()))).toBe('ok');
    expect(code(() => authorizeInternalLookup(partnerAdmin('prt_a')))).toBe('forbidden');
  });
});
