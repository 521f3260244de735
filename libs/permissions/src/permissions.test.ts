import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import {
  can,
  canReachTenant,
  decodeCaller,
  encodeCaller,
  reachOf,
  reachWhere,
  requirePermission,
  requireRole,
  scopesOfRoles,
  assertReachesTenant,
  type Caller,
} from './index.ts';

const base: Caller = {
  subject: 'usr_1',
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles: [],
  permissions: [],
  clientId: null,
  appScope: null,
};
const superAdmin: Caller = { ...base, roles: ['super_admin'] };
const partnerAdmin: Caller = { ...base, roles: ['partner_admin'], partnerId: 'prt_a', permissions: scopesOfRoles(['partner_admin']) };
const tenantAdmin: Caller = { ...base, roles: ['tenant_admin'], tenantId: 'tnt_a', partnerId: 'prt_a', permissions: scopesOfRoles(['tenant_admin']) };
const platformService: Caller = { ...base, kind: 'service', roles: ['service'], appScope: 'GLOBAL', permissions: ['admin:read'] };

describe('requirePermission', () => {
  it('lets super admins through everything', () => {
    expect(can(superAdmin, 'admin:partners', 'write')).toBe(true);
    expect(() => requirePermission(superAdmin, 'admin:platform')).not.toThrow();
  });

  it('follows the roles table', () => {
    expect(can(partnerAdmin, 'admin:tenants')).toBe(true);
    expect(can(partnerAdmin, 'admin:platform')).toBe(false);
    expect(can(tenantAdmin, 'admin:users')).toBe(true);
    expect(can(tenantAdmin, 'admin:tenants')).toBe(false);
  });

  it('answers 403 forbidden with the missing scope', () => {
    try {
      requirePermission(tenantAdmin, 'admin:partners');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(403);
    }
  });

  it('gives GLOBAL service tokens admin reads with admin:read but not writes', () => {
    expect(can(platformService, 'admin:partners', 'read')).toBe(true);
    expect(can(platformService, 'admin:partners', 'write')).toBe(false);
    expect(() => requirePermission(platformService, 'admin:partners', 'write')).toThrow(
      'Platform token requires admin:read or admin:write scope',
    );
    const bare = { ...platformService, permissions: [] };
    expect(() => requireRole(bare, ['super_admin'])).toThrow(AppError);
  });
});

describe('reach', () => {
  it('orders super admin › partner admin › tenant', () => {
    expect(reachOf(superAdmin)).toEqual({ level: 'platform' });
    expect(reachOf(partnerAdmin)).toEqual({ level: 'partner', partnerId: 'prt_a' });
    expect(reachOf(tenantAdmin)).toEqual({ level: 'tenant', tenantId: 'tnt_a', partnerId: 'prt_a' });
    expect(reachOf(base)).toEqual({ level: 'none' });
  });

  it('keeps each level to its own tenants', () => {
    const mine = { id: 'tnt_a', partnerId: 'prt_a' };
    const sibling = { id: 'tnt_b', partnerId: 'prt_a' };
    const foreign = { id: 'tnt_c', partnerId: 'prt_b' };
    expect(canReachTenant(reachOf(partnerAdmin), sibling)).toBe(true);
    expect(canReachTenant(reachOf(partnerAdmin), foreign)).toBe(false);
    expect(canReachTenant(reachOf(tenantAdmin), mine)).toBe(true);
    expect(canReachTenant(reachOf(tenantAdmin), sibling)).toBe(false);
  });

  it('answers 404 for out-of-reach ids', () => {
    expect(() => assertReachesTenant(reachOf(tenantAdmin), { id: 'tnt_c', partnerId: 'prt_b' })).toThrow('Tenant not found');
  });

  it('builds data-layer filters', () => {
    expect(reachWhere(reachOf(superAdmin))).toEqual({});
    expect(reachWhere(reachOf(partnerAdmin))).toEqual({ partnerId: 'prt_a' });
    expect(reachWhere(reachOf(tenantAdmin))).toEqual({ tenantId: 'tnt_a' });
    expect(reachWhere(reachOf(base))).toBeNull();
  });
});

describe('caller encoding', () => {
  it('round-trips and rejects garbage', () => {
    expect(decodeCaller(encodeCaller(tenantAdmin))).toEqual(tenantAdmin);
    expect(decodeCaller('not-base64-json')).toBeNull();
  });

  it('encodes a caller that can still change afresh each time, a frozen one once', () => {
    const mutable = { ...tenantAdmin, roles: [...tenantAdmin.roles] };
    const first = encodeCaller(mutable);
    mutable.tenantId = 'tnt_other';
    expect(decodeCaller(encodeCaller(mutable))?.tenantId).toBe('tnt_other');
    expect(encodeCaller(mutable)).not.toBe(first);
    const frozen = Object.freeze({ ...tenantAdmin });
    expect(encodeCaller(frozen)).toBe(encodeCaller(frozen));
    expect(decodeCaller(encodeCaller(frozen))).toEqual(tenantAdmin);
  });
});
