import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { conflict, notFound, validationFailed } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { registrations } from '@scai/proto';
import { createLogger } from '@scai/telemetry';
import type { ServiceClients } from '../../clients.ts';
import { PUBLIC_REGISTRATION_LIMIT } from './create-public-registration.ts';
import { registrationRequestsGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

const TOKEN = 'scai_rst_right';
const approved: registrations.v1.PublicRequestStatus = {
  requestId: 'rrq_01',
  status: 'APPROVED',
  scope: 'GLOBAL',
  name: 'Portal',
  applicationType: 'SERVICE',
  clientId: 'scai_client',
  clientSecret: 'scai_cs_once',
  clientSecretDelivered: true,
  createdAt: '2026-11-26T00:00:00.000Z',
  reviewedAt: '2026-11-26T01:00:00.000Z',
  expiresAt: '2026-12-26T00:00:00.000Z',
};

/** Answers like the registrations service: `rrq_01` with TOKEN, anything else 404; `rrq_done` is decided. */
function fakeRegistrations(calls: Calls): ServiceClients['registrations'] {
  const unused = async () => {
    throw new Error('not used here');
  };
  const check = (request: { id: string; statusToken: string }) => {
    if (request.statusToken !== TOKEN || !['rrq_01', 'rrq_done'].includes(request.id)) throw notFound('Registration request');
  };
  return {
    listRequests: unused,
    createRequest: unused,
    getRequest: unused,
    cancelRequest: unused,
    approveRequest: unused,
    rejectRequest: unused,
    createPublicRequest: async (request, outgoing) => {
      calls.push({ method: 'createPublicRequest', request, outgoing });
      if (request.registration?.tenantId === 'tnt_missing') throw notFound('Tenant');
      if (request.registration?.scope === 'TENANT' && !request.registration.tenantId) {
        throw validationFailed([{ loc: ['body', 'tenant_id'], msg: 'tenant_id is required for TENANT scope', type: 'missing' }]);
      }
      return { requestId: 'rrq_01', statusToken: TOKEN };
    },
    getPublicRequestStatus: async (request, outgoing) => {
      calls.push({ method: 'getPublicRequestStatus', request, outgoing });
      check(request);
      return { status: approved };
    },
    cancelPublicRequest: async (request, outgoing) => {
      calls.push({ method: 'cancelPublicRequest', request, outgoing });
      check(request);
      if (request.id === 'rrq_done') throw conflict('Registration request is APPROVED; only PENDING requests can be cancelled');
      return { status: { ...approved, status: 'CANCELLED', clientId: undefined, clientSecret: undefined, clientSecretDelivered: false } };
    },
  };
}

async function gateway(calls: Calls = [], env: Record<string, string> = {}, logLines?: string[]) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines?.push(String(chunk));
      done();
    },
  });
  return testGateway({
    groups: [registrationRequestsGroup],
    clients: { registrations: fakeRegistrations(calls) },
    logger: createLogger({ name: 'test', level: logLines ? 'info' : 'silent', destination }),
    env,
  });
}

afterEach(closeTestGateways);

const BASE = '/api/v1/public/register/applications';
const body = { scope: 'GLOBAL', name: 'Portal', application_type: 'SERVICE', contact_email: 'dev@example.com' };

describe('POST /api/v1/public/register/applications', () => {
  it('files the request without a token or caller and answers the status token once, uncached', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'POST', url: BASE, payload: { ...body, requested_scopes: ['services:read'] } });
    expect(response.statusCode).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ data: { request_id: 'rrq_01', status_token: TOKEN }, meta: { request_id: expect.any(String) } });
    expect(calls[0].outgoing?.caller).toBeNull();
    expect(calls[0].request).toMatchObject({ registration: { scope: 'GLOBAL', name: 'Portal', applicationType: 'SERVICE', requestedScopes: ['services:read'], contactEmail: 'dev@example.com' } });
  });

  it('answers 422 for a bad body (without calling the service) and the service\'s 404 and 422 in the envelope', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const bad = await gw.inject({ method: 'POST', url: BASE, payload: { scope: 'GLOBAL' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail.map((d: { loc: string[] }) => d.loc.at(-1))).toEqual(expect.arrayContaining(['name', 'application_type', 'contact_email']));
    expect(calls).toEqual([]);
    const missing = await gw.inject({ method: 'POST', url: BASE, payload: { ...body, scope: 'TENANT', tenant_id: 'tnt_missing' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const invalid = await gw.inject({ method: 'POST', url: BASE, payload: { ...body, scope: 'TENANT' } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail).toEqual([{ loc: ['body', 'tenant_id'], msg: 'tenant_id is required for TENANT scope', type: 'missing' }]);
  });

  it(`allows ${PUBLIC_REGISTRATION_LIMIT.max} per client address per hour, then 429 in the envelope with Retry-After`, async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const from = (remoteAddress: string) => gw.inject({ method: 'POST', url: BASE, payload: body, remoteAddress });
    for (let i = 0; i < PUBLIC_REGISTRATION_LIMIT.max; i++) expect((await from('198.51.100.7')).statusCode).toBe(201);
    const limited = await from('198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String), details: expect.anything(), request_id: expect.any(String) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    expect(calls).toHaveLength(PUBLIC_REGISTRATION_LIMIT.max);
    // Another address has its own allowance; the other public routes are not limited.
    expect((await from('198.51.100.8')).statusCode).toBe(201);
    expect((await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status?status_token=${TOKEN}`, remoteAddress: '198.51.100.7' })).statusCode).toBe(200);
  });

  it('keys the limit on the address the trusted proxy saw, not on what the client claims', async () => {
    const gw = await gateway([], { TRUST_PROXY: '127.0.0.1' });
    const from = (forwarded: string) => gw.inject({ method: 'POST', url: BASE, payload: body, headers: { 'x-forwarded-for': forwarded } });
    for (let i = 0; i < PUBLIC_REGISTRATION_LIMIT.max; i++) expect((await from(`203.0.113.${i}, 192.0.2.1`)).statusCode).toBe(201);
    expect((await from('203.0.113.99, 192.0.2.1')).statusCode).toBe(429);
    expect((await from('192.0.2.2')).statusCode).toBe(201);
  });
});

describe('GET /api/v1/public/register/applications/{request_id}/status', () => {
  it('answers the status with the credentials as the service gives them, uncached', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status?status_token=${TOKEN}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().data).toEqual({
      request_id: 'rrq_01',
      status: 'APPROVED',
      scope: 'GLOBAL',
      name: 'Portal',
      application_type: 'SERVICE',
      rejection_reason: null,
      client_id: 'scai_client',
      client_secret: 'scai_cs_once',
      client_secret_delivered: true,
      created_at: '2026-11-26T00:00:00.000Z',
      reviewed_at: '2026-11-26T01:00:00.000Z',
      expires_at: '2026-12-26T00:00:00.000Z',
    });
    expect(calls[0]).toMatchObject({ request: { id: 'rrq_01', statusToken: TOKEN }, outgoing: { caller: null } });
  });

  it('answers 404 for a wrong token or id and 422 without a token', async () => {
    const gw = await gateway();
    expect((await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status?status_token=wrong` })).statusCode).toBe(404);
    expect((await gw.inject({ method: 'GET', url: `${BASE}/rrq_other/status?status_token=${TOKEN}` })).json().error.code).toBe('not_found');
    const none = await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status` });
    expect(none.statusCode).toBe(422);
    expect(none.json().detail[0].loc).toEqual(['query', 'status_token']);
  });
});

describe('DELETE /api/v1/public/register/applications/{request_id}', () => {
  it('cancels with 204; 404 for a wrong token; 409 once decided', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const done = await gw.inject({ method: 'DELETE', url: `${BASE}/rrq_01?status_token=${TOKEN}` });
    expect(done.statusCode).toBe(204);
    expect(done.body).toBe('');
    expect(calls[0]).toMatchObject({ method: 'cancelPublicRequest', request: { id: 'rrq_01', statusToken: TOKEN } });
    expect((await gw.inject({ method: 'DELETE', url: `${BASE}/rrq_01?status_token=nope` })).statusCode).toBe(404);
    const decided = await gw.inject({ method: 'DELETE', url: `${BASE}/rrq_done?status_token=${TOKEN}` });
    expect(decided.statusCode).toBe(409);
    expect(decided.json().error.code).toBe('conflict');
  });
});

describe('logging', () => {
  it('never writes the status token to a log line (the access log shows the URL with it replaced)', async () => {
    const lines: string[] = [];
    const gw = await gateway([], {}, lines);
    await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status?status_token=${TOKEN}` });
    await gw.inject({ method: 'DELETE', url: `${BASE}/rrq_01?status_token=${TOKEN}&x=1` });
    await gw.inject({ method: 'GET', url: `${BASE}/rrq_01/status?status_token=wrong-token-value` });
    const text = lines.join('');
    expect(text).toContain('status_token=[REDACTED]');
    expect(text).toContain('/api/v1/public/register/applications/rrq_01/status');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('wrong-token-value');
  });
});

describe('declarations', () => {
  it('declares the three routes public, under the Registration Requests tag', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith('/api/v1/public/register') && r.method !== 'HEAD');
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/v1/public/register/applications/:request_id',
      'GET /api/v1/public/register/applications/:request_id/status',
      'POST /api/v1/public/register/applications',
    ]);
    expect(routes.every((r) => r.auth === 'public')).toBe(true);
    await gw.ready();
    const document = gw.swagger() as unknown as { paths: Record<string, Record<string, { tags: string[]; security?: unknown }>> };
    for (const path of ['/api/v1/public/register/applications', '/api/v1/public/register/applications/{request_id}/status', '/api/v1/public/register/applications/{request_id}']) {
      for (const operation of Object.values(document.paths[path])) {
        expect(operation.tags).toEqual(['Registration Requests']);
        expect(operation.security).toEqual([]);
      }
    }
  });
});
