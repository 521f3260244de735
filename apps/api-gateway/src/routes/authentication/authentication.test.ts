import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { notFound } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import { SYSTEM_CALLER, type Caller } from '@scai/permissions';
import { auth, partners } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { authenticationGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

const member: Caller = {
  subject: 'usr_1',
  kind: 'user',
  tenantId: 'tnt_1',
  partnerId: 'prt_1',
  roles: ['tenant_member'],
  permissions: ['organization:read'],
  clientId: 'scai-admin-console',
  appScope: null,
  email: 'm@example.com',
};
const service: Caller = { subject: 'scai_svc', kind: 'service', tenantId: null, partnerId: 'prt_1', roles: ['service'], permissions: ['usage:report'], clientId: 'scai_svc', appScope: 'PARTNER' };
const ghost: Caller = { ...member, subject: 'usr_gone' };
const CALLERS: Record<string, Caller> = { member, service, ghost };

function fakeClients(calls: Calls): ServiceClients {
  const authentication: ServiceClients['authentication'] = {
    getConsoleClient: async (request, outgoing) => {
      calls.push({ method: 'getConsoleClient', request, outgoing });
      return {
        issuer: 'http://127.0.0.1:8080/api/v1/platform/oauth',
        clientId: 'scai-admin-console',
        scopes: ['openid', 'profile', 'email', 'admin:read'],
        logoutUrl: 'http://127.0.0.1:8080/api/v1/platform/oauth/logout',
        redirectUris: ['http://127.0.0.1:8080/console/callback'],
      };
    },
    getCurrentUser: async (request, outgoing) => {
      calls.push({ method: 'getCurrentUser', request, outgoing });
      if (outgoing?.caller?.subject !== 'usr_1') throw notFound('User');
      return { user: auth.v1.User.fromPartial({ id: 'usr_1', email: 'm@example.com', displayName: 'Mia Member', status: 'ACTIVE', roles: ['tenant_member'] }) };
    },
  };
  const tenants = {
    getTenant: async (request: { id: string }, outgoing?: OutgoingCall) => {
      calls.push({ method: 'getTenant', request, outgoing });
      return { tenant: partners.v1.Tenant.fromPartial({ id: request.id, name: 'Acme Tenant' }) };
    },
  };
  const partnersClient = {
    getPartner: async (request: { id: string }, outgoing?: OutgoingCall) => {
      calls.push({ method: 'getPartner', request, outgoing });
      if (request.id === 'prt_gone') throw notFound('Partner');
      return { partner: partners.v1.Partner.fromPartial({ id: request.id, name: 'Acme Partner' }) };
    },
  };
  return { authentication, tenants, partners: partnersClient, close: () => undefined } as unknown as ServiceClients;
}

let upstream: Server | null = null;

const gateway = (calls: Calls = [], env: Record<string, string> = {}) =>
  testGateway({ groups: [authenticationGroup], clients: fakeClients(calls), callers: CALLERS, env });

/** A stand-in for the auth app's token endpoint: records each request, answers what `answer` says. */
async function tokenEndpoint(answer: (form: URLSearchParams) => { status: number; body: unknown }) {
  const seen: Array<{ url: string; headers: Record<string, unknown>; form: URLSearchParams }> = [];
  upstream = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(text);
      seen.push({ url: req.url ?? '', headers: req.headers, form });
      const { status, body } = answer(form);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await closeTestGateways();
  await new Promise((resolve) => (upstream ? upstream.close(resolve) : resolve(null)));
  upstream = null;
});

describe('GET /api/v1/auth/config', () => {
  it('answers the console sign-in settings as plain JSON, without a token', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      issuer: 'http://127.0.0.1:8080/api/v1/platform/oauth',
      client_id: 'scai-admin-console',
      scopes: ['openid', 'profile', 'email', 'admin:read'],
      logout_url: 'http://127.0.0.1:8080/api/v1/platform/oauth/logout',
    });
  });
});

describe('GET /api/v1/auth/me', () => {
  it('answers 401 in the envelope without a token', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('answers a user token with the stored user, the organisation names (read as the platform) and the token\'s roles and permissions', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer member' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user_id: 'usr_1',
      tenant_id: 'tnt_1',
      partner_id: 'prt_1',
      email: 'm@example.com',
      display_name: 'Mia Member',
      tenant_name: 'Acme Tenant',
      partner_name: 'Acme Partner',
      roles: ['tenant_member'],
      permissions: ['organization:read'],
      client_id: 'scai-admin-console',
    });
    expect(calls.find((c) => c.method === 'getCurrentUser')?.outgoing?.caller).toEqual(member);
    expect(calls.find((c) => c.method === 'getTenant')?.outgoing?.caller).toEqual(SYSTEM_CALLER);
  });

  it('answers a service token with its client and null user fields, without asking the auth app', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer service' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user_id: null,
      tenant_id: null,
      partner_id: 'prt_1',
      email: null,
      display_name: null,
      tenant_name: null,
      partner_name: 'Acme Partner',
      roles: ['service'],
      permissions: ['usage:report'],
      client_id: 'scai_svc',
    });
    expect(calls.map((c) => c.method)).toEqual(['getPartner']);
  });

  it('answers 401 for the token of a user that no longer exists', async () => {
    const gw = await gateway();
    const response = await gw.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer ghost' } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });
});

describe('POST /api/v1/auth/token', () => {
  it('forwards a code exchange to the platform token endpoint for the console client, with the API as resource, and answers the tokens as they are', async () => {
    const tokens = { access_token: 'at', token_type: 'Bearer', expires_in: 900, refresh_token: 'rt', id_token: 'it', scope: 'openid admin:read' };
    const endpoint = await tokenEndpoint(() => ({ status: 200, body: tokens }));
    const gw = await gateway([], { AUTH_HTTP_URL: endpoint.url, PUBLIC_URL: 'https://cp.example.com' });
    const response = await gw.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { grant_type: 'authorization_code', code: 'c0de', redirect_uri: 'https://cp.example.com/console/callback', code_verifier: 'v'.repeat(43) },
      headers: { origin: 'https://evil.example.com', 'x-request-id': 'req-token-1' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(tokens);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(endpoint.seen).toHaveLength(1);
    expect(endpoint.seen[0].url).toBe('/api/v1/platform/oauth/token');
    expect(Object.fromEntries(endpoint.seen[0].form)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'scai-admin-console',
      resource: 'https://cp.example.com/api/v1',
      code: 'c0de',
      redirect_uri: 'https://cp.example.com/console/callback',
      code_verifier: 'v'.repeat(43),
    });
    // Server-side: the browser's origin does not travel (no CORS involved).
    expect(endpoint.seen[0].headers.origin).toBeUndefined();
    expect(endpoint.seen[0].headers['x-request-id']).toBe('req-token-1');
  });

  it('forwards a refresh (form-encoded too) and answers OAuth errors as they are, with their status', async () => {
    const endpoint = await tokenEndpoint((form) =>
      form.get('refresh_token') === 'spent' ? { status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } } : { status: 200, body: { access_token: 'at2', token_type: 'Bearer' } },
    );
    const gw = await gateway([], { AUTH_HTTP_URL: endpoint.url });
    const refused = await gw.inject({ method: 'POST', url: '/api/v1/auth/token', payload: 'grant_type=refresh_token&refresh_token=spent', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({ error: 'invalid_grant', error_description: 'grant request is invalid' });
    const fresh = await gw.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { grant_type: 'refresh_token', refresh_token: 'live' } });
    expect(fresh.json()).toEqual({ access_token: 'at2', token_type: 'Bearer' });
    expect(endpoint.seen[1].form.get('refresh_token')).toBe('live');
  });

  it('refuses other grant types with 422 in the envelope, and answers 503 when the token endpoint is down', async () => {
    const gw = await gateway([], { AUTH_HTTP_URL: 'http://127.0.0.1:9' });
    const other = await gw.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { grant_type: 'client_credentials' } });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('validation_error');
    const down = await gw.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { grant_type: 'refresh_token', refresh_token: 'x' } });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('unavailable');
  });
});

describe('declarations', () => {
  it('declares config and token public, me authenticated, under the Authentication tag', async () => {
    const gw = await gateway();
    const declared = Object.fromEntries(gw.declaredRoutes.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/v1/auth/')).map((r) => [`${r.method} ${r.url}`, r.auth]));
    expect(declared).toEqual({ 'GET /api/v1/auth/config': 'public', 'GET /api/v1/auth/me': 'authenticated', 'POST /api/v1/auth/token': 'public' });
    await gw.ready();
    const document = gw.swagger() as unknown as { paths: Record<string, Record<string, { tags: string[] }>> };
    expect(document.paths['/api/v1/auth/me'].get.tags).toEqual(['Authentication']);
  });
});
