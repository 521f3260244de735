import { afterEach, describe, expect, it } from 'vitest';
import { rateLimited, unauthorized } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import type { auth } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { adminAuthGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const superAdmin: Caller = {
  subject: 'usr_root',
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles: ['super_admin'],
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
};
const member: Caller = { ...superAdmin, subject: 'usr_m', roles: ['tenant_member'], tenantId: 'tnt_1' };

const user: auth.v1.User = {
  id: 'usr_root',
  email: 'root@example.com',
  displayName: 'Root',
  status: 'ACTIVE',
  roles: ['super_admin'],
  permissions: ['admin:partners'],
  lastLoginAt: '2026-11-26T10:00:00.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  passwordSet: true,
  roleGrants: [],
  groups: [],
};

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

function fakeAdminAuth(calls: Calls): ServiceClients['adminAuth'] {
  return {
    login: async (request, outgoing) => {
      calls.push({ method: 'login', request, outgoing });
      if (request.email === 'busy@example.com') throw rateLimited(120);
      if (request.password !== 'right-password') throw unauthorized('Invalid email or password');
      return { accessToken: 'at', refreshToken: 'rt', tokenType: 'Bearer', expiresIn: 900, sessionId: 'ses_1', user };
    },
    refresh: async (request, outgoing) => {
      calls.push({ method: 'refresh', request, outgoing });
      if (request.refreshToken !== 'rt') throw unauthorized('Invalid or expired refresh token');
      return { accessToken: 'at2', refreshToken: 'rt2', tokenType: 'Bearer', expiresIn: 900 };
    },
    logout: async (request, outgoing) => {
      calls.push({ method: 'logout', request, outgoing });
      if (!request.refreshToken && !request.accessToken) throw unauthorized();
      return { revoked: true };
    },
    me: async (request, outgoing) => {
      calls.push({ method: 'me', request, outgoing });
      return { user };
    },
  };
}

const gateway = (calls: Calls) =>
  testGateway({
    groups: [adminAuthGroup],
    clients: { adminAuth: fakeAdminAuth(calls) },
    callers: { admin: superAdmin, member },
    env: { TRUST_PROXY: '127.0.0.1' },
  });

afterEach(closeTestGateways);

describe('POST /api/v1/admin/auth/login', () => {
  it('answers the seed LoginResponse and passes the client address and agent', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/auth/login',
      payload: { email: 'root@example.com', password: 'right-password' },
      headers: { 'user-agent': 'console/1.0', 'x-forwarded-for': '203.0.113.7' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      access_token: 'at',
      refresh_token: 'rt',
      user: {
        id: 'usr_root',
        email: 'root@example.com',
        display_name: 'Root',
        status: 'ACTIVE',
        tenant_id: null,
        partner_id: null,
        roles: ['super_admin'],
        permissions: ['admin:partners'],
        last_login_at: '2026-11-26T10:00:00.000Z',
        created_at: '2026-11-01T00:00:00.000Z',
      },
    });
    expect(calls[0].request).toEqual({ email: 'root@example.com', password: 'right-password', clientIp: '203.0.113.7', userAgent: 'console/1.0' });
    expect(calls[0].outgoing?.caller).toBeUndefined();
  });

  it('answers 422 with detail for a bad e-mail or a missing password', async () => {
    const app = await gateway([]);
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/login', payload: { email: 'not-an-email' } });
    expect(response.statusCode).toBe(422);
    const locs = response.json().detail.map((issue: { loc: unknown }) => issue.loc);
    expect(locs).toEqual(expect.arrayContaining([['body', 'email'], ['body', 'password']]));
  });

  it('passes on 401 and 429 with Retry-After', async () => {
    const app = await gateway([]);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/login', payload: { email: 'root@example.com', password: 'x' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'unauthorized', message: 'Invalid email or password' });
    const busy = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/login', payload: { email: 'busy@example.com', password: 'x' } });
    expect(busy.statusCode).toBe(429);
    expect(busy.headers['retry-after']).toBe('120');
  });
});

describe('POST /api/v1/admin/auth/refresh', () => {
  it('answers the seed RefreshResponse', async () => {
    const app = await gateway([]);
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/refresh', payload: { refresh_token: 'rt' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ access_token: 'at2', refresh_token: 'rt2' });
  });

  it('answers 422 without a token and 401 for a spent one', async () => {
    const app = await gateway([]);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/auth/refresh', payload: {} })).statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/auth/refresh', payload: { refresh_token: 'old' } })).statusCode).toBe(401);
  });
});

describe('POST /api/v1/admin/auth/logout', () => {
  it('ends the session of the bearer token', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/logout', headers: { authorization: 'Bearer admin' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ message: 'Logged out' });
    expect(calls[0].request).toMatchObject({ accessToken: 'admin', refreshToken: undefined });
    expect(calls[0].outgoing?.caller).toEqual(superAdmin);
  });

  it('ends the session of a refresh token in the body, and needs one of the two', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const response = await app.inject({ method: 'POST', url: '/api/v1/admin/auth/logout', payload: { refresh_token: 'rt' } });
    expect(response.statusCode).toBe(200);
    expect(calls[0].request).toMatchObject({ refreshToken: 'rt', accessToken: undefined });
    expect((await app.inject({ method: 'POST', url: '/api/v1/admin/auth/logout' })).statusCode).toBe(401);
  });
});

describe('GET /api/v1/admin/auth/me', () => {
  it('answers the admin of the token', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const response = await app.inject({ method: 'GET', url: '/api/v1/admin/auth/me', headers: { authorization: 'Bearer admin' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'usr_root', email: 'root@example.com', roles: ['super_admin'] });
    expect(calls[0].outgoing?.caller).toEqual(superAdmin);
  });

  it('refuses no token (401) and non-admins (403)', async () => {
    const app = await gateway([]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/auth/me' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/admin/auth/me', headers: { authorization: 'Bearer member' } })).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('lists the group with the seed names, summaries and schemas', async () => {
    const app = await gateway([]);
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.tags).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Admin Auth' })]));
    const login = doc.paths['/api/v1/admin/auth/login'].post;
    expect(login).toMatchObject({ tags: ['Admin Auth'], summary: 'Admin Login', description: 'Login to the admin panel.' });
    expect(login.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/scaikey__api__v1__admin__auth__LoginRequest');
    expect(login.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/scaikey__api__v1__admin__auth__LoginResponse');
    expect(doc.paths['/api/v1/admin/auth/refresh'].post.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/scaikey__api__v1__me__auth__RefreshResponse',
    );
    expect(doc.paths['/api/v1/admin/auth/logout'].post.responses).not.toHaveProperty('422');
    expect(doc.paths['/api/v1/admin/auth/me'].get).toMatchObject({ summary: 'Admin Me', description: 'Get current admin user info from token.' });
    expect(doc.components.schemas.scaikey__api__v1__admin__auth__LoginRequest.properties.email.format).toBe('email');
  });
});
