import { afterEach, describe, expect, it } from 'vitest';
import { tenantsGroup } from '../tenants/index.ts';
import { CALLERS, auth, fakePartnersClients, type Calls } from './fake-partners-clients.ts';
import { partnersGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const gateway = (calls: Calls = []) => testGateway({ groups: [partnersGroup, tenantsGroup], clients: fakePartnersClients(calls), callers: CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/partners';
const ROUTES: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }> = [
  { method: 'GET', url: `${BASE}/` },
  { method: 'POST', url: `${BASE}/`, payload: { name: 'Beta', slug: 'beta', contact_email: 'b@beta.test' } },
  { method: 'GET', url: `${BASE}/prt_a` },
  { method: 'PATCH', url: `${BASE}/prt_a`, payload: { name: 'Alpha 2' } },
  { method: 'DELETE', url: `${BASE}/prt_a` },
];

describe('partners routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 without admin:partners', async (route) => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const none = await gw.inject({ ...route });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'unauthorized', request_id: none.headers['x-request-id'] } });
    for (const token of ['partner', 'tenant'] as const) {
      const refused = await gw.inject({ ...route, headers: auth(token) });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    expect(calls).toEqual([]);
  });

  it('declares admin:partners on the seed routes and admin:tenants on the partner tenants list', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith(BASE) && r.method !== 'HEAD');
    expect(routes).toHaveLength(6);
    for (const route of routes) {
      expect(route.auth).toEqual({ scope: route.url.endsWith('/tenants') ? 'admin:tenants' : 'admin:partners' });
    }
  });

  it('documents the seed operations exactly', async () => {
    const gw = await gateway();
    const doc = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const list = doc.paths['/api/v1/admin/partners/'].get;
    expect(list).toMatchObject({ tags: ['Partners'], summary: 'List Partners', description: 'List all partners (platform admin only).' });
    // @fastify/swagger leaves the `authorization` header out of OpenAPI 3 parameters (the spec
    // ignores it there; `security` says it); the query parameters are the seed's exactly.
    const query = list.parameters.filter((p: { in: string }) => p.in === 'query');
    expect(query.map((p: { name: string; schema: object }) => [p.name, p.schema])).toEqual([
      ['page', expect.objectContaining({ type: 'integer' })],
      ['per_page', expect.objectContaining({ type: 'integer' })],
      ['search', { anyOf: [expect.objectContaining({ type: 'string' }), { type: 'null' }] }],
      ['status', { anyOf: [expect.objectContaining({ type: 'string' }), { type: 'null' }] }],
    ]);
    expect(list.security).toEqual([{ bearerAuth: ['admin:partners'] }]);
    expect(doc.paths['/api/v1/admin/partners/'].post).toMatchObject({ summary: 'Create Partner', description: 'Create a new partner (platform admin only).' });
    const one = doc.paths['/api/v1/admin/partners/{partner_id}'];
    expect(one.get).toMatchObject({ summary: 'Get Partner', description: 'Get a partner by ID.' });
    expect(one.patch).toMatchObject({ summary: 'Update Partner', description: 'Update a partner.' });
    expect(one.delete).toMatchObject({ summary: 'Delete Partner', description: 'Soft delete a partner.' });
    expect(Object.keys(one.delete.responses)).toContain('204');
    expect(Object.keys(doc.paths['/api/v1/admin/partners/'].post.responses)).toContain('201');
    expect(Object.keys(list.responses)).toContain('422');
  });
});

describe('partners routes: behaviour', () => {
  it('lists with page, per_page, search, status and answers {data, pagination, meta}, with and without the slash', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?page=2&per_page=5&search=alp&status=ACTIVE`, headers: auth('super') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data[0]).toMatchObject({ id: 'prt_a', status: 'ACTIVE', legal_name: 'Alpha GmbH', vat_number: null, billable: true });
    expect(body.pagination).toEqual({ page: 2, page_size: 5, total: 1, total_pages: 1 });
    expect(body.meta.request_id).toBe(response.headers['x-request-id']);
    expect(calls[0]).toMatchObject({
      method: 'listPartners',
      request: { page: { page: 2, pageSize: 5 }, search: 'alp', status: 1 },
      outgoing: { caller: CALLERS.super, requestId: response.headers['x-request-id'] },
    });
    expect((await gw.inject({ method: 'GET', url: BASE, headers: auth('super') })).statusCode).toBe(200);
  });

  it('refuses bad query values with 422 detail', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?per_page=500&status=GONE&page=0`, headers: auth('super') });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(
      expect.arrayContaining(['query.per_page', 'query.status', 'query.page']),
    );
  });

  it('creates with 201 at both paths', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    for (const url of [`${BASE}/`, BASE]) {
      const response = await gw.inject({
        method: 'POST',
        url,
        headers: auth('super'),
        payload: { name: 'Beta', slug: 'beta-eu', contact_email: 'b@beta.test', max_tenants: 0, legal_name: 'Beta BV', seller_country_code: 'NL' },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ data: { id: 'prt_a' }, meta: { request_id: response.headers['x-request-id'] } });
    }
    expect(calls[0].request).toMatchObject({ name: 'Beta', slug: 'beta-eu', contactEmail: 'b@beta.test', maxTenants: 0, seller: { legalName: 'Beta BV', sellerCountryCode: 'NL' } });
  });

  it('creates without a slug, leaving it to the service to derive', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'POST', url: BASE, headers: auth('super'), payload: { name: 'Beta', contact_email: 'b@beta.test' } });
    expect(response.statusCode).toBe(201);
    expect(calls[0].request).toMatchObject({ name: 'Beta', slug: undefined });
  });

  it('validates create bodies strictly (422 detail)', async () => {
    const gw = await gateway();
    const response = await gw.inject({
      method: 'POST',
      url: `${BASE}/`,
      headers: auth('super'),
      payload: { slug: 'Bad Slug', contact_email: 'nope', max_tenants: -1, extra: true },
    });
    expect(response.statusCode).toBe(422);
    const locs = response.json().detail.map((d: { loc: string[] }) => d.loc.join('.'));
    expect(locs).toEqual(expect.arrayContaining(['body.name', 'body.slug', 'body.contact_email', 'body.max_tenants', 'body.extra']));
    expect(response.json().error.code).toBe('validation_error');
  });

  it('passes conflicts through as 409', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'POST', url: `${BASE}/`, headers: auth('super'), payload: { name: 'T', slug: 'taken', contact_email: 't@t.test' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', message: 'Partner slug is already taken' });
  });

  it('updates with PATCH semantics: nulls clear seller fields', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({
      method: 'PATCH',
      url: `${BASE}/prt_a`,
      headers: auth('super'),
      payload: { status: 'SUSPENDED', vat_number: null, iban: 'DE89370400440532013000' },
    });
    expect(response.statusCode).toBe(200);
    expect(calls[0].request).toEqual({
      id: 'prt_a',
      name: undefined,
      slug: undefined,
      status: 2,
      contactEmail: undefined,
      maxTenants: undefined,
      maxUsersPerTenant: undefined,
      maxApplicationsPerTenant: undefined,
      seller: { iban: 'DE89370400440532013000' },
      clearFields: ['vat_number'],
    });
    const bad = await gw.inject({ method: 'PATCH', url: `${BASE}/prt_a`, headers: auth('super'), payload: { name: null, status: 'DELETED' } });
    expect(bad.statusCode).toBe(422);
  });

  it('answers 404 for unknown partners and 204 with no body on delete', async () => {
    const gw = await gateway();
    const missing = await gw.inject({ method: 'GET', url: `${BASE}/prt_missing`, headers: auth('super') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found', message: 'Partner not found' } });
    const deleted = await gw.inject({ method: 'DELETE', url: `${BASE}/prt_a`, headers: auth('super') });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await gw.inject({ method: 'DELETE', url: `${BASE}/prt_missing`, headers: auth('super') })).statusCode).toBe(404);
  });

  it("lists a partner's tenants for admin:tenants callers", async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/prt_a/tenants?per_page=10&search=ac`, headers: auth('partner') });
    expect(response.statusCode).toBe(200);
    expect(response.json().data[0]).toMatchObject({ id: 'tnt_a1', partner_id: 'prt_a', status: 'ACTIVE' });
    expect(calls[0].request).toMatchObject({ partnerId: 'prt_a', page: { page: 1, pageSize: 10 }, q: 'ac', status: 0 });
    expect((await gw.inject({ method: 'GET', url: `${BASE}/prt_missing/tenants`, headers: auth('partner') })).statusCode).toBe(404);
    expect((await gw.inject({ method: 'GET', url: `${BASE}/prt_a/tenants`, headers: auth('tenant') })).statusCode).toBe(403);
  });
});
