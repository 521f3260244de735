import { afterEach, describe, expect, it } from 'vitest';
import { conflict, notFound, validationFailed } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import type { registrations } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { registrationRequestsGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const admin = (roles: Caller['roles'], extra: Partial<Caller> = {}): Caller => ({
  subject: `usr_${roles[0]}`,
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles,
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
  ...extra,
});
const CALLERS: Record<string, Caller> = {
  super: admin(['super_admin']),
  tenant: admin(['tenant_admin'], { tenantId: 'tnt_a1', partnerId: 'prt_a' }),
  member: admin(['tenant_member'], { tenantId: 'tnt_a1', partnerId: 'prt_a' }),
};
const auth = (token: keyof typeof CALLERS) => ({ authorization: `Bearer ${token}` });

const stored: registrations.v1.RegistrationRequest = {
  id: 'rrq_01',
  scope: 'TENANT',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  name: 'Portal',
  applicationType: 'WEB',
  redirectUris: ['https://portal.example.com/cb'],
  postLogoutRedirectUris: [],
  allowedOrigins: [],
  requestedScopes: ['openid', 'profile', 'email'],
  grantTypes: ['authorization_code', 'refresh_token'],
  contactEmail: 'dev@example.com',
  status: 'PENDING',
  source: 'ADMIN',
  requestedBy: 'usr_tenant_admin',
  expiresAt: '2026-12-26T00:00:00.000Z',
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

/** A registrations client that records calls and answers from `stored`; `rrq_missing` is 404. */
function fakeRegistrations(calls: Calls): ServiceClients['registrations'] {
  const record = (method: string, request: unknown, outgoing?: OutgoingCall) => {
    calls.push({ method, request, outgoing });
    if ((request as { id?: string }).id === 'rrq_missing') throw notFound('Registration request');
    if ((request as { id?: string }).id === 'rrq_done') throw conflict('Registration request is APPROVED; only PENDING requests can be approved');
  };
  return {
    listRequests: async (request, outgoing) => {
      record('listRequests', request, outgoing);
      return { requests: [stored], pageInfo: { page: 1, pageSize: 20, total: 1, totalPages: 1 } };
    },
    createRequest: async (request, outgoing) => {
      record('createRequest', request, outgoing);
      if (request.scope === 'TENANT' && !request.tenantId) {
        throw validationFailed([{ loc: ['body', 'tenant_id'], msg: 'tenant_id is required for TENANT scope', type: 'missing' }]);
      }
      return { request: stored };
    },
    getRequest: async (request, outgoing) => {
      record('getRequest', request, outgoing);
      return { request: { ...stored, status: 'APPROVED', clientId: 'cli_1', applicationId: 'app_1' } };
    },
    cancelRequest: async (request, outgoing) => {
      record('cancelRequest', request, outgoing);
      return { request: { ...stored, status: 'CANCELLED', cancelledBy: 'usr_super_admin' } };
    },
    approveRequest: async (request, outgoing) => {
      record('approveRequest', request, outgoing);
      const approved = { ...stored, status: 'APPROVED', clientId: 'cli_1', applicationId: 'app_1', reviewNotes: request.notes };
      return { request: approved, applicationId: 'app_1', clientId: 'cli_1', clientSecret: 'sec_once' };
    },
    rejectRequest: async (request, outgoing) => {
      record('rejectRequest', request, outgoing);
      return { request: { ...stored, status: 'REJECTED', rejectionReason: request.reason } };
    },
    // The public routes have their own tests (public-registration.test.ts).
    createPublicRequest: async () => {
      throw new Error('not used here');
    },
    getPublicRequestStatus: async () => {
      throw new Error('not used here');
    },
    cancelPublicRequest: async () => {
      throw new Error('not used here');
    },
  };
}

const gateway = (calls: Calls = []) => testGateway({ groups: [registrationRequestsGroup], clients: { registrations: fakeRegistrations(calls) }, callers: CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/registration-requests';
const ROUTES: Array<{ method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: object }> = [
  { method: 'GET', url: `${BASE}/` },
  { method: 'POST', url: `${BASE}/`, payload: { scope: 'GLOBAL', name: 'x', application_type: 'WEB', contact_email: 'a@example.com' } },
  { method: 'GET', url: `${BASE}/rrq_01` },
  { method: 'DELETE', url: `${BASE}/rrq_01` },
  { method: 'POST', url: `${BASE}/rrq_01/approve`, payload: {} },
  { method: 'POST', url: `${BASE}/rrq_01/reject`, payload: { reason: 'no' } },
];

describe('registration request routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 for a non-admin', async (route) => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const none = await gw.inject({ ...route });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthorized');
    const member = await gw.inject({ ...route, headers: auth('member') });
    expect(member.statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it('declares the admin role requirement on all six routes, under the seed tag', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith(BASE) && r.method !== 'HEAD');
    expect(routes).toHaveLength(6);
    for (const route of routes) expect(route.auth).toEqual({ roles: ['super_admin', 'partner_admin', 'tenant_admin'] });
  });
});

describe('registration request routes: behaviour', () => {
  it('lists with the seed query names and answers {data, pagination, meta}', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?page=2&per_page=5&status=PENDING&scope=TENANT`, headers: auth('tenant') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data[0]).toMatchObject({ id: 'rrq_01', tenant_id: 'tnt_a1', description: null, client_id: null });
    expect(body.pagination).toEqual({ page: 1, page_size: 20, total: 1, total_pages: 1 });
    expect(body.meta.request_id).toBe(response.headers['x-request-id']);
    expect(calls[0]).toMatchObject({
      method: 'listRequests',
      request: { page: { page: 2, pageSize: 5 }, status: 'PENDING', scope: 'TENANT' },
      outgoing: { caller: CALLERS.tenant, requestId: response.headers['x-request-id'] },
    });
    const noSlash = await gw.inject({ method: 'GET', url: BASE, headers: auth('tenant') });
    expect(noSlash.statusCode).toBe(200);
  });

  it('refuses a per_page over 100 with 422 detail', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?per_page=500`, headers: auth('super') });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContainEqual(expect.objectContaining({ loc: ['query', 'per_page'] }));
  });

  it('creates with 201 and fills the seed defaults', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({
      method: 'POST',
      url: `${BASE}/`,
      headers: auth('tenant'),
      payload: { scope: 'TENANT', tenant_id: 'tnt_a1', name: 'Portal', application_type: 'WEB', contact_email: 'dev@example.com', redirect_uris: ['https://portal.example.com/cb'] },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toMatchObject({ id: 'rrq_01', status: 'PENDING' });
    expect(calls[0].request).toMatchObject({
      scope: 'TENANT',
      tenantId: 'tnt_a1',
      requestedScopes: ['openid', 'profile', 'email'],
      grantTypes: ['authorization_code', 'refresh_token'],
      postLogoutRedirectUris: [],
    });
  });

  it('answers bad bodies with 422 and detail (schema and service rules)', async () => {
    const gw = await gateway();
    const missing = await gw.inject({ method: 'POST', url: `${BASE}/`, headers: auth('super'), payload: { scope: 'TENANT', contact_email: 'nope' } });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail.map((d: { loc: string[] }) => d.loc)).toEqual(
      expect.arrayContaining([['body', 'name'], ['body', 'application_type'], ['body', 'contact_email']]),
    );
    const rule = await gw.inject({
      method: 'POST',
      url: `${BASE}/`,
      headers: auth('super'),
      payload: { scope: 'TENANT', name: 'x', application_type: 'WEB', contact_email: 'a@example.com' },
    });
    expect(rule.statusCode).toBe(422);
    expect(rule.json().detail).toEqual([{ loc: ['body', 'tenant_id'], msg: 'tenant_id is required for TENANT scope', type: 'missing' }]);
    const reject = await gw.inject({ method: 'POST', url: `${BASE}/rrq_01/reject`, headers: auth('super'), payload: {} });
    expect(reject.statusCode).toBe(422);
    expect(reject.json().detail).toContainEqual(expect.objectContaining({ loc: ['body', 'reason'] }));
  });

  it('gets, cancels and rejects; unknown ids are 404, final states 409', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const got = await gw.inject({ method: 'GET', url: `${BASE}/rrq_01`, headers: auth('super') });
    expect(got.json().data).toMatchObject({ status: 'APPROVED', client_id: 'cli_1' });
    expect(got.json().data).not.toHaveProperty('client_secret');
    const cancelled = await gw.inject({ method: 'DELETE', url: `${BASE}/rrq_01`, headers: auth('super') });
    expect(cancelled.json().data).toMatchObject({ status: 'CANCELLED', cancelled_by: 'usr_super_admin' });
    const rejected = await gw.inject({ method: 'POST', url: `${BASE}/rrq_01/reject`, headers: auth('super'), payload: { reason: 'Duplicate' } });
    expect(rejected.json().data).toMatchObject({ status: 'REJECTED', rejection_reason: 'Duplicate' });
    const missing = await gw.inject({ method: 'GET', url: `${BASE}/rrq_missing`, headers: auth('super') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const done = await gw.inject({ method: 'POST', url: `${BASE}/rrq_done/approve`, headers: auth('super') });
    expect(done.statusCode).toBe(409);
    expect(done.json().error.code).toBe('conflict');
  });

  it('approves with or without a body and answers the secret', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const bare = await gw.inject({ method: 'POST', url: `${BASE}/rrq_01/approve`, headers: auth('super') });
    expect(bare.statusCode).toBe(200);
    expect(bare.json().data).toMatchObject({ status: 'APPROVED', application_id: 'app_1', client_id: 'cli_1', client_secret: 'sec_once' });
    const withNotes = await gw.inject({ method: 'POST', url: `${BASE}/rrq_01/approve`, headers: auth('super'), payload: { notes: 'ok' } });
    expect(withNotes.json().data.review_notes).toBe('ok');
    expect(calls.map((c) => c.request)).toEqual([{ id: 'rrq_01', notes: undefined }, { id: 'rrq_01', notes: 'ok' }]);
  });
});

describe('registration request routes: OpenAPI', () => {
  it('documents the seed contract', async () => {
    const gw = await gateway();
    const doc = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const schemas = doc.components.schemas;
    expect(schemas.RegistrationRequestCreate.description).toBe('Create a new registration request.');
    expect(schemas.ApprovalData.description).toBe('Data for approving a request.');
    expect(schemas.RejectionData.description).toBe('Data for rejecting a request.');
    expect(Object.keys(schemas.RegistrationRequestCreate.properties)).toEqual([
      'scope', 'tenant_id', 'partner_id', 'name', 'description', 'application_type', 'redirect_uris', 'post_logout_redirect_uris',
      'allowed_origins', 'requested_scopes', 'grant_types', 'contact_email', 'contact_name', 'organization_name', 'website_url',
    ]);
    expect(schemas.RegistrationRequestCreate.required.sort()).toEqual(['application_type', 'contact_email', 'name', 'scope']);
    expect(schemas.RegistrationRequestCreate.properties.requested_scopes.default).toEqual(['openid', 'profile', 'email']);
    expect(schemas.RegistrationRequestCreate.properties.tenant_id.description).toBe('Required for TENANT scope');
    expect(schemas.RejectionData.required).toEqual(['reason']);

    const collection = doc.paths['/api/v1/admin/registration-requests/'];
    expect(collection.get.tags).toEqual(['Registration Requests']);
    expect(collection.get.summary).toBe('List Registration Requests');
    expect(collection.get.description).toContain('- Tenant admins: See TENANT requests for their tenant only');
    // (The `authorization` header is folded into the bearer security requirement by @fastify/swagger.)
    expect(collection.get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:page', 'query:per_page', 'query:status', 'query:scope']),
    );
    const status = collection.get.parameters.find((p: { name: string }) => p.name === 'status');
    expect(status.description).toBe('Filter by status: PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED');
    expect(collection.post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RegistrationRequestCreate');
    expect(collection.post.responses).toHaveProperty('201');
    const approve = doc.paths['/api/v1/admin/registration-requests/{request_id}/approve'].post;
    expect(approve.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ApprovalData');
    const reject = doc.paths['/api/v1/admin/registration-requests/{request_id}/reject'].post;
    expect(reject.requestBody.required).toBe(true);
  });
});
