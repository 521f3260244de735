import { afterEach, describe, expect, it } from 'vitest';
import { notFound, validationFailed } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import { auth } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { applicationsGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';
import { expectAuthRefusals, type RouteCase } from '../testing/route-cases.ts';

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

const stored: auth.v1.Application = {
  id: 'app_1',
  clientId: 'scai_0123',
  name: 'Usage reporter',
  applicationType: 'SERVICE',
  scope: 'TENANT',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  redirectUris: [],
  postLogoutRedirectUris: [],
  allowedOrigins: [],
  allowedScopes: ['services:read'],
  grantTypes: ['client_credentials'],
  tokenLifetime: 3600,
  status: 'ACTIVE',
  confidential: true,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

/** Records every call; ids ending in `_missing` answer not_found, as the service would out of reach. */
function fakeApplications(calls: Calls): Pick<ServiceClients, 'applications'> {
  const record = (method: string, request: unknown, outgoing?: OutgoingCall) => {
    calls.push({ method, request, outgoing });
    const { id } = request as { id?: string };
    if (id?.endsWith('_missing')) throw notFound('Application');
  };
  const unused = async (): Promise<never> => {
    throw new Error('not used by these routes');
  };
  return {
    applications: {
      createApplication: unused,
      getApplication: async (request, outgoing) => (record('getApplication', request, outgoing), { application: stored }),
      listApplications: async (request, outgoing) => (
        record('listApplications', request, outgoing), { applications: [stored], pageInfo: { page: 2, pageSize: 5, total: 6, totalPages: 2 } }
      ),
      updateApplication: async (request, outgoing) => {
        record('updateApplication', request, outgoing);
        if (request.scope) throw validationFailed([{ loc: ['body', 'scope'], msg: 'scope is fixed after registration', type: 'frozen_field' }]);
        return { application: { ...stored, allowedScopes: request.allowedScopes?.values ?? stored.allowedScopes } };
      },
      rotateApplicationSecret: async (request, outgoing) => (
        record('rotateApplicationSecret', request, outgoing), { application: stored, clientSecret: 'scai_cs_new', previousSecretExpiresAt: '2026-11-27T00:00:00.000Z' }
      ),
    },
  } as Pick<ServiceClients, 'applications'>;
}

const user = (roles: Caller['roles']): Caller => ({
  subject: `usr_${roles[0]}`,
  kind: 'user',
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  roles,
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
});
const CALLERS: Record<string, Caller> = { admin: user(['tenant_admin']), member: user(['tenant_member']) };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const gateway = (calls: Calls = []) => testGateway({ groups: [applicationsGroup], clients: fakeApplications(calls), callers: CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/applications';
const ROUTES: RouteCase[] = [
  { method: 'GET', url: BASE },
  { method: 'GET', url: `${BASE}/app_1` },
  { method: 'PATCH', url: `${BASE}/app_1`, payload: { name: 'Renamed' } },
  { method: 'POST', url: `${BASE}/app_1/rotate-secret` },
];

describe('application routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 without an admin role', async (route) => {
    const calls: Calls = [];
    await expectAuthRefusals(await gateway(calls), route, 'member', calls);
  });

  it.each(ROUTES.filter((route) => route.url !== BASE))('$method $url: 404 for ids out of reach', async (route) => {
    const gw = await gateway();
    const response = await gw.inject({ ...route, url: route.url.replace('app_1', 'app_missing'), headers: bearer('admin') });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found', message: 'Application not found' });
  });

  it('declares the admin roles on all four routes under the group tag, marked as an addition', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith(BASE) && r.method !== 'HEAD');
    expect(routes).toHaveLength(4);
    for (const route of routes) expect(route.auth).toEqual({ roles: ['super_admin', 'partner_admin', 'tenant_admin'] });
    const doc = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/admin/applications'].get.tags).toEqual(['Admin — applications']);
    expect(doc.paths['/api/v1/admin/applications/{application_id}/rotate-secret'].post.description).toContain('Addition of this design');
  });
});

describe('application routes: behaviour', () => {
  it('lists paged with the filters, with and without the slash', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?page=2&page_size=5&q=usage&tenant_id=tnt_a1`, headers: bearer('admin') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.pagination).toEqual({ page: 2, page_size: 5, total: 6, total_pages: 2 });
    expect(body.data[0]).toMatchObject({ id: 'app_1', client_id: 'scai_0123', allowed_scopes: ['services:read'], description: null, confidential: true });
    expect(JSON.stringify(body)).not.toMatch(/secret|hash/i);
    expect(body.meta.request_id).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: 'listApplications', request: { page: { page: 2, pageSize: 5 }, q: 'usage', tenantId: 'tnt_a1' } });
    expect(calls[0].outgoing?.caller?.subject).toBe('usr_tenant_admin');
    expect((await gw.inject({ method: 'GET', url: BASE, headers: bearer('admin') })).statusCode).toBe(200);
  });

  it('PATCH sends replaced lists, leaves absent ones out, forwards the audit fields', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({
      method: 'PATCH',
      url: `${BASE}/app_1`,
      headers: { ...bearer('admin'), 'user-agent': 'console/1' },
      payload: { allowed_scopes: ['usage:report'], token_lifetime: 600, status: 'DISABLED' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().data.allowed_scopes).toEqual(['usage:report']);
    expect(calls[0].request).toMatchObject({
      id: 'app_1',
      allowedScopes: { values: ['usage:report'] },
      redirectUris: undefined,
      tokenLifetime: 600,
      status: auth.v1.ApplicationStatus.DISABLED,
      userAgent: 'console/1',
    });
  });

  it('PATCH answers 422 with detail for bad input and for fixed fields', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    for (const payload of [{ token_lifetime: 59 }, { token_lifetime: 86_401 }, { status: 'DELETED' }, { grant_types: ['client_credentials'] }, { allowed_scopes: 'admin:read' }]) {
      const response = await gw.inject({ method: 'PATCH', url: `${BASE}/app_1`, headers: bearer('admin'), payload });
      expect(response.statusCode).toBe(422);
      expect(response.json().detail.length).toBeGreaterThan(0);
    }
    expect(calls).toEqual([]);
    const fixed = await gw.inject({ method: 'PATCH', url: `${BASE}/app_1`, headers: bearer('admin'), payload: { scope: 'GLOBAL' } });
    expect(fixed.statusCode).toBe(422);
    expect(fixed.json().detail).toEqual([{ loc: ['body', 'scope'], msg: 'scope is fixed after registration', type: 'frozen_field' }]);
  });

  it('rotate-secret answers the new secret once with the end of the old one’s grace', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'POST', url: `${BASE}/app_1/rotate-secret`, headers: bearer('admin') });
    expect(response.statusCode).toBe(200);
    expect(response.json().data).toEqual({ client_id: 'scai_0123', client_secret: 'scai_cs_new', previous_secret_expires_at: '2026-11-27T00:00:00.000Z' });
    expect(calls[0]).toMatchObject({ method: 'rotateApplicationSecret', request: { id: 'app_1' } });
  });
});
