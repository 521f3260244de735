import { afterEach, describe, expect, it } from 'vitest';
import { PEOPLE_CALLERS, bearer, fakePeopleClients, type Calls } from './fake-people-clients.ts';
import { usersGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';
import { expectAuthRefusals, type RouteCase } from '../testing/route-cases.ts';

const gateway = (calls: Calls = []) => testGateway({ groups: [usersGroup], clients: fakePeopleClients(calls), callers: PEOPLE_CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/users';
const ROUTES: RouteCase[] = [
  { method: 'GET', url: BASE },
  { method: 'POST', url: BASE, payload: { email: 'new@acme.test' } },
  { method: 'GET', url: `${BASE}/usr_a1` },
  { method: 'PATCH', url: `${BASE}/usr_a1`, payload: { display_name: 'Ada L.' } },
  { method: 'DELETE', url: `${BASE}/usr_a1` },
  { method: 'POST', url: `${BASE}/usr_a1/roles`, payload: { grant: [{ role: 'tenant_member' }] } },
];

describe('user routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 without admin:users', async (route) => {
    const calls: Calls = [];
    await expectAuthRefusals(await gateway(calls), route, 'member', calls);
  });

  it.each(ROUTES.filter((route) => route.url !== BASE))('$method $url: 404 for ids out of reach', async (route) => {
    const gw = await gateway();
    const response = await gw.inject({ ...route, url: route.url.replace('usr_a1', 'usr_missing'), headers: bearer('admin') });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found', message: 'User not found' });
  });

  it('declares admin:users on all six routes under the group tag', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith(BASE) && r.method !== 'HEAD');
    expect(routes).toHaveLength(6);
    for (const route of routes) expect(route.auth).toEqual({ scope: 'admin:users' });
    const doc = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/admin/users'].get.tags).toEqual(['Admin — users']);
  });
});

describe('user routes: behaviour', () => {
  it('lists with the filters, paged, with and without the slash', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?page=2&page_size=5&q=ada&tenant_id=tnt_a1&status=SUSPENDED`, headers: bearer('admin') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data[0]).toMatchObject({
      id: 'usr_a1',
      tenant_id: 'tnt_a1',
      roles: ['tenant_admin', 'tenant_member'],
      role_grants: [{ role: 'tenant_admin', tenant_id: 'tnt_a1', partner_id: 'prt_a', expires_at: null }],
      groups: [{ id: 'grp_1', name: 'Members', role: 'tenant_member' }],
      password_set: false,
      last_login_at: null,
    });
    expect(body.pagination).toEqual({ page: 2, page_size: 5, total: 1, total_pages: 1 });
    expect(body.meta.request_id).toBeTruthy();
    expect(calls[0]).toMatchObject({ request: { page: { page: 2, pageSize: 5 }, q: 'ada', tenantId: 'tnt_a1', status: 2 }, outgoing: { caller: PEOPLE_CALLERS.admin } });
    expect((await gw.inject({ method: 'GET', url: `${BASE}?status=GONE`, headers: bearer('admin') })).statusCode).toBe(422);
  });

  it('invites with 201, passing the client address for the audit trail', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({
      method: 'POST',
      url: BASE,
      headers: { ...bearer('admin'), 'user-agent': 'console/2' },
      payload: { email: 'new@acme.test', display_name: 'New', roles: [{ role: 'billing_admin', expires_at: '2027-01-01T00:00:00Z' }] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toMatchObject({ user: { id: 'usr_a1' }, invitation_expires_at: '2026-11-29T00:00:00.000Z' });
    expect(calls[0].request).toMatchObject({
      email: 'new@acme.test',
      displayName: 'New',
      roles: [{ role: 'billing_admin', expiresAt: '2027-01-01T00:00:00Z' }],
      clientIp: '127.0.0.1',
      userAgent: 'console/2',
    });
  });

  it('validates bodies with 422 detail: e-mail, status, unknown keys, never a password', async () => {
    const gw = await gateway();
    const invite = await gw.inject({ method: 'POST', url: BASE, headers: bearer('admin'), payload: { email: 'nope', password: 'x' } });
    expect(invite.statusCode).toBe(422);
    expect(invite.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    const patch = await gw.inject({ method: 'PATCH', url: `${BASE}/usr_a1`, headers: bearer('admin'), payload: { status: 'DEACTIVATED', password: 'secret-secret' } });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.status', 'body.password']));
    const roles = await gw.inject({ method: 'POST', url: `${BASE}/usr_a1/roles`, headers: bearer('admin'), payload: { grant: [{ role: 'x', expires_at: 'tomorrow' }] } });
    expect(roles.statusCode).toBe(422);
  });

  it('patches, changes roles (grant and revoke) and deactivates with 204', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    expect((await gw.inject({ method: 'PATCH', url: `${BASE}/usr_a1`, headers: bearer('admin'), payload: { status: 'SUSPENDED' } })).statusCode).toBe(200);
    expect(calls[0].request).toMatchObject({ id: 'usr_a1', status: 2 });
    const roles = await gw.inject({
      method: 'POST',
      url: `${BASE}/usr_a1/roles`,
      headers: bearer('admin'),
      payload: { grant: [{ role: 'tenant_member', tenant_id: 'tnt_a1' }], revoke: [{ role: 'billing_admin' }] },
    });
    expect(roles.statusCode).toBe(200);
    expect(calls[1].request).toMatchObject({ id: 'usr_a1', grant: [{ role: 'tenant_member', tenantId: 'tnt_a1' }], revoke: [{ role: 'billing_admin' }] });
    const deleted = await gw.inject({ method: 'DELETE', url: `${BASE}/usr_a1`, headers: bearer('admin') });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
  });
});
