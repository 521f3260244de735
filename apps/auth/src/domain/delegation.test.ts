import { describe, expect, it } from 'vitest';
import { scopesOfRoles, type Caller, type Role } from '@scai/permissions';
import { checkGrant, mayDelegate, mayManage } from './delegation.ts';

const now = new Date('2026-11-26T12:00:00Z');
const caller = (roles: Role[], extra: Partial<Caller> = {}): Caller => ({
  subject: 'usr_actor',
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles,
  permissions: scopesOfRoles(roles),
  clientId: 'scai-admin-console',
  appScope: null,
  ...extra,
});
const superAdmin = caller(['super_admin']);
const partnerAdmin = caller(['partner_admin'], { partnerId: 'prt_a' });
const tenantAdmin = caller(['tenant_admin'], { tenantId: 'tnt_a', partnerId: 'prt_a' });
const userOfA = { tenantId: 'tnt_a', partnerId: 'prt_a' };
const partnerStaff = { tenantId: null, partnerId: 'prt_a' };

describe('mayDelegate', () => {
  it('lets each admin level delegate its own role and those below, never above', () => {
    expect(mayDelegate(superAdmin, 'super_admin')).toBe(true);
    expect(mayDelegate(partnerAdmin, 'partner_admin')).toBe(true);
    expect(mayDelegate(partnerAdmin, 'tenant_admin')).toBe(true);
    expect(mayDelegate(partnerAdmin, 'super_admin')).toBe(false);
    expect(mayDelegate(tenantAdmin, 'tenant_member')).toBe(true);
    expect(mayDelegate(tenantAdmin, 'billing_admin')).toBe(true);
    expect(mayDelegate(tenantAdmin, 'partner_admin')).toBe(false);
    expect(mayDelegate(tenantAdmin, 'super_admin')).toBe(false);
    expect(mayDelegate(caller(['tenant_member'], { tenantId: 'tnt_a' }), 'tenant_admin')).toBe(false);
  });

  it('never gives the service role to a person, not even as super admin', () => {
    expect(mayDelegate(superAdmin, 'service')).toBe(false);
    expect(mayDelegate(superAdmin, 'wizard')).toBe(false);
  });

  it('keeps people who outrank the caller out of its hands', () => {
    expect(mayManage(tenantAdmin, ['tenant_member', 'billing_admin'])).toBe(true);
    expect(mayManage(tenantAdmin, ['partner_admin'])).toBe(false);
    expect(mayManage(partnerAdmin, ['super_admin'])).toBe(false);
  });
});

describe('checkGrant', () => {
  it('scopes a tenant role to the user’s tenant and a partner role to its partner', () => {
    expect(checkGrant(tenantAdmin, { role: 'tenant_admin' }, userOfA, now)).toEqual({
      ok: true,
      grant: { role: 'tenant_admin', tenantId: 'tnt_a', partnerId: 'prt_a', expiresAt: null },
    });
    expect(checkGrant(partnerAdmin, { role: 'partner_admin' }, partnerStaff, now)).toEqual({
      ok: true,
      grant: { role: 'partner_admin', tenantId: null, partnerId: 'prt_a', expiresAt: null },
    });
    expect(checkGrant(superAdmin, { role: 'super_admin', tenantId: 'tnt_a' }, userOfA, now)).toMatchObject({ ok: true, grant: { tenantId: null, partnerId: null } });
  });

  it('refuses escalation with forbidden: a tenant admin granting super or partner admin', () => {
    expect(checkGrant(tenantAdmin, { role: 'super_admin' }, userOfA, now)).toMatchObject({ ok: false, status: 'forbidden' });
    expect(checkGrant(tenantAdmin, { role: 'partner_admin', partnerId: 'prt_a' }, userOfA, now)).toMatchObject({ ok: false, status: 'forbidden' });
    expect(checkGrant(partnerAdmin, { role: 'super_admin' }, partnerStaff, now)).toMatchObject({ ok: false, status: 'forbidden' });
  });

  it('refuses roles for another tenant or partner with forbidden', () => {
    expect(checkGrant(tenantAdmin, { role: 'tenant_member', tenantId: 'tnt_b' }, userOfA, now)).toEqual({
      ok: false,
      status: 'forbidden',
      message: 'You may not grant a role for another tenant',
    });
    expect(checkGrant(partnerAdmin, { role: 'partner_admin', partnerId: 'prt_b' }, partnerStaff, now)).toMatchObject({ ok: false, status: 'forbidden' });
  });

  it('calls grants that make no sense for the user invalid', () => {
    expect(checkGrant(superAdmin, { role: 'tenant_admin' }, { tenantId: null, partnerId: null }, now)).toMatchObject({ ok: false, status: 'invalid' });
    expect(checkGrant(superAdmin, { role: 'tenant_admin', tenantId: 'tnt_b' }, userOfA, now)).toMatchObject({ ok: false, status: 'invalid' });
    expect(checkGrant(superAdmin, { role: 'partner_admin', partnerId: 'prt_b' }, userOfA, now)).toMatchObject({ ok: false, status: 'invalid' });
    expect(checkGrant(superAdmin, { role: 'service' }, userOfA, now)).toMatchObject({ ok: false, status: 'invalid' });
    expect(checkGrant(superAdmin, { role: 'tenant_member', expiresAt: new Date('2020-01-01') }, userOfA, now)).toMatchObject({ ok: false, status: 'invalid' });
  });

  it('keeps an expiry in the future', () => {
    const expiresAt = new Date('2027-01-01T00:00:00Z');
    expect(checkGrant(tenantAdmin, { role: 'billing_admin', expiresAt }, userOfA, now)).toMatchObject({ ok: true, grant: { expiresAt } });
  });
});
