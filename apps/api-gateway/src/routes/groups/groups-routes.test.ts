import { afterEach, describe, expect, it } from 'vitest';
import { ROLE_SCOPES } from '@scai/permissions';
import { PEOPLE_CALLERS, bearer, fakePeopleClients, type Calls } from '../users/fake-people-clients.ts';
import { groupsGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const gateway = (calls: Calls = []) => testGateway({ groups: [groupsGroup], clients: fakePeopleClients(calls), callers: PEOPLE_CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/groups';
const ROUTES: Array<{ method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }> = [
  { method: 'GET', url: BASE },
  { method: 'GET', url: `${BASE}/grp_1` },
  { method: 'POST', url: `${BASE}/grp_1/role`, payload: { role: 'tenant_member' } },
  { method: 'DELETE', url: `${BASE}/grp_1/role` },
  { method: 'POST', url: BASE, payload: { name: 'Ops', tenant_id: 'tnt_a1' } },
  { method: 'PUT', url: `${BASE}/grp_1/members`, payload: { user_ids: ['usr_a1'] } },
  { method: 'GET', url: '/api/v1/admin/roles' },
];

describe('group routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 without admin:groups', async (route) => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    expect((await gw.inject({ ...route })).statusCode).toBe(401);
    const member = await gw.inject({ ...route, headers: bearer('member') });
    expect(member.statusCode).toBe(403);
    expect(member.json().error.code).toBe('forbidden');
    expect(calls).toEqual([]);
  });

  it.each(ROUTES.filter((route) => route.url.includes('grp_1')))('$method $url: 404 for groups out of reach', async (route) => {
    const gw = await gateway();
    const response = await gw.inject({ ...route, url: route.url.replace('grp_1', 'grp_missing'), headers: bearer('admin') });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found', message: 'Group not found' });
  });

  it('declares admin:groups on all seven routes', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => (r.url.startsWith(BASE) || r.url.startsWith('/api/v1/admin/roles')) && r.method !== 'HEAD');
    expect(routes).toHaveLength(7);
    for (const route of routes) expect(route.auth).toEqual({ scope: 'admin:groups' });
  });
});

describe('group routes: behaviour', () => {
  it('lists unpaged with member counts and the filters', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?q=mem&tenant_id=tnt_a1&has_role=tenant_member`, headers: bearer('admin') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data).toEqual([expect.objectContaining({ id: 'grp_1', member_count: 1, role: 'tenant_member', description: null })]);
    expect(body.data[0].members).toBeUndefined();
    expect(body.pagination).toBeUndefined();
    expect(calls[0].request).toEqual({ q: 'mem', tenantId: 'tnt_a1', hasRole: 'tenant_member' });
  });

  it('shows a group with its members, creates with 201 and replaces members', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const one = await gw.inject({ method: 'GET', url: `${BASE}/grp_1`, headers: bearer('admin') });
    expect(one.json().data.members).toEqual([{ id: 'usr_a1', email: 'ada@acme.test', display_name: 'Ada', status: 'ACTIVE' }]);
    const created = await gw.inject({ method: 'POST', url: BASE, headers: bearer('admin'), payload: { name: 'Ops', tenant_id: 'tnt_a1', description: 'On call' } });
    expect(created.statusCode).toBe(201);
    expect(calls[1].request).toMatchObject({ name: 'Ops', tenantId: 'tnt_a1', description: 'On call', clientIp: '127.0.0.1' });
    const members = await gw.inject({ method: 'PUT', url: `${BASE}/grp_1/members`, headers: bearer('admin'), payload: { user_ids: ['usr_a1', 'usr_b2'] } });
    expect(members.statusCode).toBe(200);
    expect(calls[2].request).toMatchObject({ id: 'grp_1', userIds: ['usr_a1', 'usr_b2'] });
    const removed = await gw.inject({ method: 'DELETE', url: `${BASE}/grp_1/role`, headers: bearer('admin') });
    expect(removed.json().data.role).toBeNull();
  });

  it('validates bodies with 422 detail', async () => {
    const gw = await gateway();
    const create = await gw.inject({ method: 'POST', url: BASE, headers: bearer('admin'), payload: { name: '', colour: 'red' } });
    expect(create.statusCode).toBe(422);
    expect(create.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.name', 'body.tenant_id', 'body.colour']));
    expect((await gw.inject({ method: 'POST', url: `${BASE}/grp_1/role`, headers: bearer('admin'), payload: {} })).statusCode).toBe(422);
    expect((await gw.inject({ method: 'PUT', url: `${BASE}/grp_1/members`, headers: bearer('admin'), payload: { user_ids: 'usr_a1' } })).statusCode).toBe(422);
  });

  it('answers the role catalog from the permissions table, without the service role', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: '/api/v1/admin/roles', headers: bearer('admin') });
    expect(response.statusCode).toBe(200);
    const roles = response.json().data as { role: string; admin: boolean; scopes: string[] }[];
    expect(roles.map((r) => r.role)).toEqual(['super_admin', 'partner_admin', 'tenant_admin', 'tenant_member', 'billing_admin']);
    expect(roles.find((r) => r.role === 'tenant_admin')).toEqual({ role: 'tenant_admin', admin: true, scopes: [...ROLE_SCOPES.tenant_admin] });
  });
});
