import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { api, login, superAdminToken, unique, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant, createTenantUser, type AdminUser } from './fixtures.ts';

interface UserBody {
  id: string;
  email: string;
  status: string;
  tenant_id: string | null;
  roles: string[];
  role_grants: { role: string; tenant_id: string | null; expires_at: string | null }[];
  groups: { id: string; name: string; role: string | null }[];
  password_set: boolean;
}

interface GroupBody {
  id: string;
  role: string | null;
  member_count: number;
  members?: { id: string }[];
}

let root: string;
let tenantA: { id: string };
let tenantB: { id: string };
let adminA: AdminUser;

beforeAll(async () => {
  root = await superAdminToken();
  const partnerA = await createPartner(root);
  const partnerB = await createPartner(root);
  tenantA = await createTenant(root, partnerA.id);
  tenantB = await createTenant(root, partnerB.id);
  adminA = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: partnerA.id });
});

/** The invitation page over real HTTP through the gateway, as a browser would post its form. */
async function page(path: string, form?: Record<string, string>): Promise<{ status: number; html: string }> {
  const response = await fetch(`${inject('gatewayUrl')}${path}`, {
    method: form ? 'POST' : 'GET',
    headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: response.status, html: await response.text() };
}

describe('Admin — users through the gateway', () => {
  it('invites, lets the person set a password on the invitation page, then signs in; edits, roles, deactivation', async () => {
    const email = `${unique('invitee')}@e2e.test`;
    const invited = await api<{ data: { user: UserBody; invitation_expires_at: string; invitation_url?: string } }>('POST', '/api/v1/admin/users', {
      token: adminA.token,
      body: { email, display_name: 'Invited Person', roles: [{ role: 'tenant_admin' }] },
    });
    expect(invited.status).toBe(201);
    const user = invited.body.data.user;
    expect(user).toMatchObject({ email, tenant_id: tenantA.id, status: 'ACTIVE', password_set: false, roles: ['tenant_admin'] });
    const link = new URL(invited.body.data.invitation_url ?? '');
    expect(link.pathname).toMatch(/^\/api\/v1\/auth\/invitations\/scai_inv_/);

    const form = await page(link.pathname);
    expect(form.status).toBe(200);
    expect(form.html).toContain(email);
    const weak = await page(link.pathname, { password: 'password123', password_confirmation: 'password123' });
    expect(weak.status).toBe(422);
    const password = `Set-${unique('pw')}-by-invitee`;
    const accepted = await page(link.pathname, { password, password_confirmation: password });
    expect(accepted.status).toBe(200);
    expect((await page(link.pathname)).status).toBe(404);
    const session = await login(email, password);

    const listed = await api<{ data: UserBody[]; pagination: { total: number } }>('GET', `/api/v1/admin/users?q=${encodeURIComponent(email)}`, { token: adminA.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((u) => u.id)).toEqual([user.id]);
    expect(listed.body.pagination.total).toBe(1);

    const patched = await api<{ data: UserBody & { display_name: string } }>('PATCH', `/api/v1/admin/users/${user.id}`, {
      token: adminA.token,
      body: { display_name: 'Renamed Person' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.display_name).toBe('Renamed Person');
    expect((await api<ErrorBody>('PATCH', `/api/v1/admin/users/${user.id}`, { token: adminA.token, body: { password: 'nope-nope-nope' } })).status).toBe(422);

    const granted = await api<{ data: UserBody }>('POST', `/api/v1/admin/users/${user.id}/roles`, {
      token: adminA.token,
      body: { grant: [{ role: 'billing_admin', expires_at: '2099-01-01T00:00:00Z' }] },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.data.roles).toEqual(['billing_admin', 'tenant_admin']);
    const revoked = await api<{ data: UserBody }>('POST', `/api/v1/admin/users/${user.id}/roles`, { token: adminA.token, body: { revoke: [{ role: 'billing_admin' }] } });
    expect(revoked.body.data.roles).toEqual(['tenant_admin']);
    const fetched = await api<{ data: UserBody }>('GET', `/api/v1/admin/users/${user.id}`, { token: adminA.token });
    expect(fetched.body.data.role_grants).toEqual([{ role: 'tenant_admin', tenant_id: tenantA.id, partner_id: expect.any(String), expires_at: null }]);

    expect((await api('DELETE', `/api/v1/admin/users/${user.id}`, { token: adminA.token })).status).toBe(204);
    const after = await api<{ data: UserBody }>('GET', `/api/v1/admin/users/${user.id}`, { token: adminA.token });
    expect(after.body.data.status).toBe('DEACTIVATED');
    const relogin = await api<ErrorBody>('POST', '/api/v1/admin/auth/login', { body: { email, password } });
    expect(relogin.status).toBe(403);
    const refresh = await api<ErrorBody>('POST', '/api/v1/admin/auth/refresh', { body: { refresh_token: session.refresh_token } });
    expect(refresh.status).toBe(401);
    // The access token issued before the deactivation is refused at once (the gateway's revocation view).
    let status = 200;
    for (let i = 0; i < 50 && status !== 401; i += 1) {
      status = (await api('GET', '/api/v1/admin/auth/me', { token: session.access_token })).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
  });

  it('gives a group’s members its role: it shows in /admin/auth/me after a re-login', async () => {
    const member = await createTenantUser('tenant_member', tenantA.id);
    expect((await api('POST', '/api/v1/admin/auth/login', { body: { email: member.email, password: member.password } })).status).toBe(403);

    const created = await api<{ data: GroupBody }>('POST', '/api/v1/admin/groups', { token: adminA.token, body: { name: unique('admins'), tenant_id: tenantA.id } });
    expect(created.status).toBe(201);
    const group = created.body.data;
    expect((await api<{ data: GroupBody }>('POST', `/api/v1/admin/groups/${group.id}/role`, { token: adminA.token, body: { role: 'tenant_admin' } })).body.data.role).toBe('tenant_admin');
    const members = await api<{ data: GroupBody }>('PUT', `/api/v1/admin/groups/${group.id}/members`, { token: adminA.token, body: { user_ids: [member.id] } });
    expect(members.status).toBe(200);
    expect(members.body.data.members?.map((m) => m.id)).toEqual([member.id]);

    const session = await login(member.email, member.password);
    const me = await api<{ roles: string[] }>('GET', '/api/v1/admin/auth/me', { token: session.access_token });
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(expect.arrayContaining(['tenant_admin', 'tenant_member']));

    const listed = await api<{ data: GroupBody[] }>('GET', '/api/v1/admin/groups?has_role=tenant_admin', { token: adminA.token });
    expect(listed.body.data.find((g) => g.id === group.id)?.member_count).toBe(1);
    const one = await api<{ data: GroupBody }>('GET', `/api/v1/admin/groups/${group.id}`, { token: adminA.token });
    expect(one.body.data.members?.map((m) => m.id)).toEqual([member.id]);
    const cleared = await api<{ data: GroupBody }>('DELETE', `/api/v1/admin/groups/${group.id}/role`, { token: adminA.token });
    expect(cleared.body.data.role).toBeNull();
    const roles = await api<{ data: { role: string; scopes: string[] }[] }>('GET', '/api/v1/admin/roles', { token: adminA.token });
    expect(roles.body.data.find((r) => r.role === 'tenant_admin')?.scopes).toContain('admin:users');
  });

  it('keeps a tenant admin of tenant A to A: 404 for every id of tenant B, 403 for granting itself super_admin', async () => {
    const userOfB = await createTenantUser('tenant_member', tenantB.id);
    const groupOfB = await api<{ data: GroupBody }>('POST', '/api/v1/admin/groups', { token: root, body: { name: unique('b-group'), tenant_id: tenantB.id } });
    expect(groupOfB.status).toBe(201);
    const gB = groupOfB.body.data.id;
    const token = adminA.token;

    const outOfReach: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/admin/users/${userOfB.id}`],
      ['PATCH', `/api/v1/admin/users/${userOfB.id}`, { display_name: 'x' }],
      ['DELETE', `/api/v1/admin/users/${userOfB.id}`],
      ['POST', `/api/v1/admin/users/${userOfB.id}/roles`, { grant: [{ role: 'tenant_member' }] }],
      ['POST', '/api/v1/admin/users', { email: `${unique('x')}@e2e.test`, tenant_id: tenantB.id }],
      ['GET', `/api/v1/admin/groups/${gB}`],
      ['POST', `/api/v1/admin/groups/${gB}/role`, { role: 'tenant_member' }],
      ['DELETE', `/api/v1/admin/groups/${gB}/role`],
      ['PUT', `/api/v1/admin/groups/${gB}/members`, { user_ids: [] }],
      ['POST', '/api/v1/admin/groups', { name: unique('x'), tenant_id: tenantB.id }],
    ];
    for (const [method, path, body] of outOfReach) {
      const response = await api<ErrorBody>(method, path, { token, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
      expect(response.body.error.code).toBe('not_found');
    }
    const users = await api<{ data: UserBody[] }>('GET', '/api/v1/admin/users?page_size=100', { token });
    expect(users.body.data.every((u) => u.tenant_id === tenantA.id)).toBe(true);
    expect((await api<{ data: UserBody[] }>('GET', `/api/v1/admin/users?tenant_id=${tenantB.id}`, { token })).body.data).toEqual([]);
    const groups = await api<{ data: GroupBody[] }>('GET', '/api/v1/admin/groups', { token });
    expect(groups.body.data.map((g) => g.id)).not.toContain(gB);

    const escalate = await api<ErrorBody>('POST', `/api/v1/admin/users/${adminA.id}/roles`, { token, body: { grant: [{ role: 'super_admin' }] } });
    expect(escalate.status).toBe(403);
    expect(escalate.body.error.code).toBe('forbidden');
    const otherTenant = await api<ErrorBody>('POST', `/api/v1/admin/users/${adminA.id}/roles`, { token, body: { grant: [{ role: 'tenant_admin', tenant_id: tenantB.id }] } });
    expect(otherTenant.status).toBe(403);
    const me = await api<{ roles: string[] }>('GET', '/api/v1/admin/auth/me', { token: (await login(adminA.email, adminA.password)).access_token });
    expect(me.body.roles).toEqual(['tenant_admin']);
  });
});
