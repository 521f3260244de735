import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { scopesOfRoles, SYSTEM_CALLER, type Caller, type Role } from '@scai/permissions';
import { auth } from '@scai/proto';
import { createUser as createWith, startHarness, system, type Harness } from '../test-support/harness.ts';
import { fixedOrgDirectory } from './org-directory.ts';

let h: Harness;
const STRONG = 'plum-Orbit-lantern-42';

beforeAll(async () => {
  h = await startHarness(
    'people',
    {},
    [],
    [],
    fixedOrgDirectory(
      [
        { id: 'tnt_a', partnerId: 'prt_1', active: true, passwordPolicy: { minLength: 14, requireUppercase: true, requireLowercase: true, requireDigit: true, requireSymbol: false } },
        { id: 'tnt_b', partnerId: 'prt_2', active: true, passwordPolicy: null },
        { id: 'tnt_small', partnerId: 'prt_small', active: true, passwordPolicy: null },
      ],
      { prt_small: 1 },
    ),
  );
});

afterAll(async () => {
  await h?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const callerOf = (user: auth.v1.User, roles: Role[]): { caller: Caller; requestId: string } => ({
  caller: {
    subject: user.id,
    kind: 'user',
    tenantId: user.tenantId ?? null,
    partnerId: user.partnerId ?? null,
    roles,
    permissions: scopesOfRoles(roles),
    clientId: 'scai-admin-console',
    appScope: null,
    email: user.email,
  },
  requestId: 'req-people-test',
});

/** Every user here gets a password that meets tnt_a's policy. */
const createUser = (harness: Harness, input: Parameters<typeof createWith>[1]) => createWith(harness, { password: STRONG, ...input });

const audit = { clientIp: '198.51.100.7', userAgent: 'vitest' };

async function admins() {
  const tenantAdminA = await createUser(h, { email: `ta-${Math.random()}@a.test`, tenantId: 'tnt_a', roles: [{ role: 'tenant_admin', tenantId: 'tnt_a' }] });
  const tenantAdminB = await createUser(h, { email: `tb-${Math.random()}@b.test`, tenantId: 'tnt_b', roles: [{ role: 'tenant_admin', tenantId: 'tnt_b' }] });
  const partnerAdmin = await createUser(h, { email: `pa-${Math.random()}@p.test`, partnerId: 'prt_1', roles: [{ role: 'partner_admin', partnerId: 'prt_1' }] });
  return { a: callerOf(tenantAdminA, ['tenant_admin']), b: callerOf(tenantAdminB, ['tenant_admin']), partner: callerOf(partnerAdmin, ['partner_admin']), tenantAdminA };
}

async function pageOf(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  return { status: response.status, html: await response.text() };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('invitations', () => {
  it('invites without a password, sets it once on the page under the tenant policy, then signs in', async () => {
    const { a } = await admins();
    const invited = await h.users.inviteUser({ email: 'New.Person@A.test', displayName: 'New Person', roles: [{ role: 'tenant_admin' }], ...audit }, a);
    expect(invited.user).toMatchObject({ email: 'new.person@a.test', tenantId: 'tnt_a', partnerId: 'prt_1', passwordSet: false, roles: ['tenant_admin'] });
    expect(invited.invitationUrl).toMatch(/^http:\/\/gateway\.test\/api\/v1\/auth\/invitations\/scai_inv_[A-Za-z0-9_-]{43}$/);
    const token = invited.invitationUrl!.split('/').at(-1)!;
    const stored = await h.db.invitation.findFirstOrThrow({ where: { userId: invited.user!.id } });
    expect(stored.tokenHash).not.toContain(token.slice(9));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600 * 1000);

    expect((await errorOf(h.adminAuth.login({ email: 'new.person@a.test', password: STRONG, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');

    const url = `${h.httpUrl}/api/v1/auth/invitations/${token}`;
    const shown = await pageOf(url);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('new.person@a.test');

    const weak = await pageOf(url, form({ password: 'password', password_confirmation: 'password' }));
    expect(weak.status).toBe(422);
    expect(weak.html).toContain('at least 14 characters');
    expect(weak.html).toContain('too common');
    const mismatch = await pageOf(url, form({ password: STRONG, password_confirmation: `${STRONG}x` }));
    expect(mismatch.status).toBe(422);

    const accepted = await pageOf(url, form({ password: STRONG, password_confirmation: STRONG }));
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain('Password set');
    expect((await pageOf(url)).status).toBe(404);
    expect((await pageOf(url, form({ password: STRONG, password_confirmation: STRONG }))).status).toBe(404);

    const session = await h.adminAuth.login({ email: 'new.person@a.test', password: STRONG, clientIp: '', userAgent: '' });
    expect(session.user).toMatchObject({ passwordSet: true, roles: ['tenant_admin'] });
  });

  it('answers 404 for tenants out of reach, 409 for a taken e-mail and past the partner limit', async () => {
    const { a, partner } = await admins();
    expect((await errorOf(h.users.inviteUser({ email: 'x@b.test', displayName: '', tenantId: 'tnt_b', roles: [], ...audit }, a))).code).toBe('not_found');
    expect((await errorOf(h.users.inviteUser({ email: 'x@b.test', displayName: '', tenantId: 'tnt_b', roles: [], ...audit }, partner))).code).toBe('not_found');
    expect((await errorOf(h.users.inviteUser({ email: 'x@b.test', displayName: '', tenantId: 'tnt_nowhere', roles: [], ...audit }, system))).code).toBe('not_found');
    await h.users.inviteUser({ email: 'dup@a.test', displayName: '', tenantId: 'tnt_a', roles: [], ...audit }, partner);
    expect((await errorOf(h.users.inviteUser({ email: 'DUP@a.test', displayName: '', tenantId: 'tnt_a', roles: [], ...audit }, partner))).code).toBe('conflict');

    await h.users.inviteUser({ email: 'one@small.test', displayName: '', tenantId: 'tnt_small', roles: [], ...audit }, system);
    const full = await errorOf(h.users.inviteUser({ email: 'two@small.test', displayName: '', tenantId: 'tnt_small', roles: [], ...audit }, system));
    expect(full.code).toBe('conflict');
    expect(full.details).toEqual({ max_users_per_tenant: 1 });
  });
});

describe('reach and escalation', () => {
  it('keeps tenant admins to their tenant and partner admins to their partner (404 outside)', async () => {
    const { a, b, partner } = await admins();
    const ofB = await createUser(h, { email: `member-${Math.random()}@b.test`, tenantId: 'tnt_b', roles: [{ role: 'tenant_member', tenantId: 'tnt_b' }] });
    const ofA = await createUser(h, { email: `member-${Math.random()}@a.test`, tenantId: 'tnt_a', roles: [{ role: 'tenant_member', tenantId: 'tnt_a' }] });
    expect(ofA.partnerId).toBe('prt_1');

    const listed = await h.users.listUsers({ page: { page: 1, pageSize: 100 }, q: '', status: 0 }, a);
    expect(listed.users.every((user) => user.tenantId === 'tnt_a')).toBe(true);
    expect(listed.users.map((user) => user.id)).toContain(ofA.id);
    expect(listed.pageInfo).toMatchObject({ page: 1, pageSize: 100 });
    const viaPartner = await h.users.listUsers({ page: { page: 1, pageSize: 100 }, q: 'member-', status: auth.v1.UserStatus.ACTIVE }, partner);
    expect(viaPartner.users.map((user) => user.id)).toContain(ofA.id);
    expect(viaPartner.users.map((user) => user.id)).not.toContain(ofB.id);

    for (const call of [
      () => h.users.getUser({ id: ofB.id }, a),
      () => h.users.updateUser({ id: ofB.id, displayName: 'x', status: 0, ...audit }, a),
      () => h.users.deactivateUser({ id: ofB.id, ...audit }, a),
      () => h.users.changeUserRoles({ id: ofB.id, grant: [{ role: 'tenant_member' }], revoke: [], ...audit }, a),
      () => h.users.getUser({ id: ofB.id }, partner),
    ]) {
      expect((await errorOf(call())).code).toBe('not_found');
    }
    expect((await h.users.getUser({ id: ofB.id }, b)).user?.email).toBe(ofB.email);
  });

  it('lets nobody grant what they do not hold: 403 for super_admin, partner_admin or another tenant', async () => {
    const { a, tenantAdminA } = await admins();
    const self = tenantAdminA.id;
    for (const grant of [{ role: 'super_admin' }, { role: 'partner_admin', partnerId: 'prt_1' }, { role: 'tenant_admin', tenantId: 'tnt_b' }]) {
      const refused = await errorOf(h.users.changeUserRoles({ id: self, grant: [grant], revoke: [], ...audit }, a));
      expect(refused.code).toBe('forbidden');
    }
    expect((await errorOf(h.users.inviteUser({ email: 'boss@a.test', displayName: '', roles: [{ role: 'super_admin' }], ...audit }, a))).code).toBe('forbidden');
    const unknown = await errorOf(h.users.changeUserRoles({ id: self, grant: [{ role: 'wizard' }], revoke: [], ...audit }, a));
    expect(unknown.code).toBe('validation_error');
    expect(unknown.issues?.[0].loc).toEqual(['body', 'grant', 0, 'role']);

    const member = await createUser(h, { email: `m-${Math.random()}@a.test`, tenantId: 'tnt_a', roles: [] });
    const changed = await h.users.changeUserRoles(
      { id: member.id, grant: [{ role: 'billing_admin', expiresAt: '2099-01-01T00:00:00.000Z' }, { role: 'tenant_member' }], revoke: [], ...audit },
      a,
    );
    expect(changed.user?.roles).toEqual(['billing_admin', 'tenant_member']);
    expect(changed.user?.roleGrants.find((g) => g.role === 'billing_admin')).toMatchObject({ tenantId: 'tnt_a', expiresAt: '2099-01-01T00:00:00.000Z' });
    const revoked = await h.users.changeUserRoles({ id: member.id, grant: [], revoke: [{ role: 'billing_admin' }], ...audit }, a);
    expect(revoked.user?.roles).toEqual(['tenant_member']);

    const partnerAdminInA = await createUser(h, { email: `pa-${Math.random()}@a.test`, tenantId: 'tnt_a', partnerId: 'prt_1', roles: [{ role: 'partner_admin', partnerId: 'prt_1' }] });
    expect((await errorOf(h.users.updateUser({ id: partnerAdminInA.id, status: auth.v1.UserStatus.SUSPENDED, ...audit }, a))).code).toBe('forbidden');

    const event = await h.db.outboxEvent.findFirstOrThrow({ where: { payload: { path: ['type'], equals: 'scai.auth.user.roles_changed' } }, orderBy: { createdAt: 'desc' } });
    const data = (event.payload as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({ user_id: member.id, tenant_id: 'tnt_a', client_ip: '198.51.100.7', request_id: 'req-people-test', actor: { subject: self } });
    expect(data.before).toMatchObject({ roles: [{ role: 'billing_admin' }, { role: 'tenant_member' }] });
    expect(data.after).toMatchObject({ roles: [{ role: 'tenant_member' }] });
  });
});

describe('suspension and deactivation', () => {
  it('ends every session at once and publishes suspended, reactivated and deactivated', async () => {
    const { a } = await admins();
    const target = await createUser(h, { email: `t-${Math.random()}@a.test`, password: STRONG, tenantId: 'tnt_a', roles: [{ role: 'tenant_admin', tenantId: 'tnt_a' }] });
    const first = await h.adminAuth.login({ email: target.email, password: STRONG, clientIp: '', userAgent: '' });

    const suspended = await h.users.updateUser({ id: target.id, status: auth.v1.UserStatus.SUSPENDED, ...audit }, a);
    expect(suspended.user?.status).toBe('SUSPENDED');
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    expect((await errorOf(h.adminAuth.login({ email: target.email, password: STRONG, clientIp: '', userAgent: '' }))).code).toBe('forbidden');
    await h.users.updateUser({ id: target.id, status: auth.v1.UserStatus.ACTIVE, displayName: 'Back', ...audit }, a);

    const second = await h.adminAuth.login({ email: target.email, password: STRONG, clientIp: '', userAgent: '' });
    await h.db.oidcPayload.create({ data: { id: 'grant-1', kind: 'Grant', issuer: 'x', payload: { accountId: target.id } } });
    const gone = await h.users.deactivateUser({ id: target.id, ...audit }, a);
    expect(gone.user).toMatchObject({ status: 'DEACTIVATED' });
    expect(gone.user?.deactivatedAt).toBeTruthy();
    expect(await h.db.oidcPayload.count({ where: { id: 'grant-1' } })).toBe(0);
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: second.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    expect((await errorOf(h.adminAuth.login({ email: target.email, password: STRONG, clientIp: '', userAgent: '' }))).code).toBe('forbidden');
    expect((await errorOf(h.users.updateUser({ id: target.id, displayName: 'x', status: 0, ...audit }, a))).code).toBe('conflict');
    expect((await h.users.deactivateUser({ id: target.id, ...audit }, a)).user?.status).toBe('DEACTIVATED');
    expect((await errorOf(h.users.deactivateUser({ id: a.caller.subject, ...audit }, a))).code).toBe('forbidden');

    const events = await h.db.outboxEvent.findMany({ where: { subject: { contains: '' } }, orderBy: { createdAt: 'asc' } });
    const mine = events.map((row) => row.payload as { type: string; data: Record<string, unknown> }).filter((event) => event.data.user_id === target.id);
    const types = mine.map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['scai.auth.user.suspended', 'scai.auth.user.reactivated', 'scai.auth.user.deactivated', 'scai.auth.session.revoked']));
    expect(types.filter((type) => type === 'scai.auth.user.deactivated')).toHaveLength(1);
    const deactivated = mine.find((event) => event.type === 'scai.auth.user.deactivated')!;
    expect(deactivated.data).toMatchObject({ user_id: target.id, tenant_id: 'tnt_a', partner_id: 'prt_1', deactivated_at: gone.user?.deactivatedAt });
  });
});

describe('groups', () => {
  it('gives members the group role (in their tokens), keeps to the tenant and refuses escalation', async () => {
    const { a, b } = await admins();
    const member = await createUser(h, { email: `g-${Math.random()}@a.test`, password: STRONG, tenantId: 'tnt_a', roles: [] });
    const outsider = await createUser(h, { email: `o-${Math.random()}@b.test`, tenantId: 'tnt_b', roles: [] });

    const { group } = await h.groups.createGroup({ name: 'Admins', tenantId: 'tnt_a', description: 'Tenant admins', ...audit }, a);
    expect(group).toMatchObject({ tenantId: 'tnt_a', partnerId: 'prt_1', name: 'Admins', memberCount: 0 });
    expect((await errorOf(h.groups.createGroup({ name: 'Admins', tenantId: 'tnt_a', ...audit }, a))).code).toBe('conflict');
    expect((await errorOf(h.groups.createGroup({ name: 'Elsewhere', tenantId: 'tnt_b', ...audit }, a))).code).toBe('not_found');

    expect((await errorOf(h.groups.setGroupRole({ id: group!.id, role: 'super_admin', ...audit }, a))).code).toBe('forbidden');
    expect((await errorOf(h.groups.setGroupRole({ id: group!.id, role: 'partner_admin', ...audit }, system))).code).toBe('validation_error');
    const withRole = await h.groups.setGroupRole({ id: group!.id, role: 'tenant_admin', ...audit }, a);
    expect(withRole.group?.role).toBe('tenant_admin');

    const wrong = await errorOf(h.groups.replaceGroupMembers({ id: group!.id, userIds: [member.id, outsider.id], ...audit }, a));
    expect(wrong.code).toBe('validation_error');
    expect(wrong.issues?.[0].loc).toEqual(['body', 'user_ids', 1]);
    const filled = await h.groups.replaceGroupMembers({ id: group!.id, userIds: [member.id], ...audit }, a);
    expect(filled.group?.members.map((m) => m.id)).toEqual([member.id]);
    expect(filled.group?.memberCount).toBe(1);

    const session = await h.adminAuth.login({ email: member.email, password: STRONG, clientIp: '', userAgent: '' });
    expect(session.user?.roles).toEqual(['tenant_admin']);
    expect(session.user?.groups).toEqual([{ id: group!.id, name: 'Admins', role: 'tenant_admin' }]);

    const listed = await h.groups.listGroups({ q: 'adm', hasRole: 'tenant_admin' }, a);
    expect(listed.groups.map((g) => [g.id, g.memberCount])).toEqual([[group!.id, 1]]);
    expect((await h.groups.listGroups({ q: '' }, b)).groups.map((g) => g.id)).not.toContain(group!.id);
    for (const call of [
      () => h.groups.getGroup({ id: group!.id }, b),
      () => h.groups.setGroupRole({ id: group!.id, role: 'tenant_member', ...audit }, b),
      () => h.groups.removeGroupRole({ id: group!.id, ...audit }, b),
      () => h.groups.replaceGroupMembers({ id: group!.id, userIds: [], ...audit }, b),
    ]) {
      expect((await errorOf(call())).code).toBe('not_found');
    }

    const cleared = await h.groups.removeGroupRole({ id: group!.id, ...audit }, a);
    expect(cleared.group?.role).toBeUndefined();
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: session.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    expect(await h.db.outboxEvent.count({ where: { payload: { path: ['type'], equals: 'scai.auth.group.role_changed' } } })).toBe(2);
  });
});

describe('password policy on CreateUser', () => {
  it('applies the tenant policy and the breached list', async () => {
    const weak = await errorOf(h.users.createUser({ email: 'weak@a.test', password: 'password1234', displayName: '', tenantId: 'tnt_a', roles: [] }, { caller: SYSTEM_CALLER }));
    expect(weak.code).toBe('validation_error');
    expect(weak.issues).toHaveLength(1);
    expect(weak.issues?.[0]).toMatchObject({ loc: ['body', 'password'], type: 'value_error.password' });
    expect(weak.issues?.[0].msg).toMatch(/^Password must have at least 14 characters; must contain an uppercase letter; .*too common/);
  });
});
