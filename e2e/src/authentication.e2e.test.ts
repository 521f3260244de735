import * as oidc from 'openid-client';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { apiResource, Browser, relyingParty, verified } from './oidc-flow.ts';

interface AuthConfig {
  issuer: string;
  client_id: string;
  scopes: string[];
  logout_url: string;
}

interface Identity {
  user_id: string | null;
  tenant_id: string | null;
  partner_id: string | null;
  email: string | null;
  display_name: string | null;
  tenant_name: string | null;
  partner_name: string | null;
  roles: string[];
  permissions: string[];
}

interface PublicStatus {
  request_id: string;
  status: string;
  client_id: string | null;
  client_secret: string | null;
  client_secret_delivered: boolean;
}

let gateway: string;
let root: string;
let tenant: { id: string; slug: string; name?: unknown };
let partner: { id: string; name?: unknown };
let admin: { id: string; email: string; password: string; token: string };

const consoleRedirect = () => `${gateway}/console/callback`;

/** Signs `user` in on the platform sign-in page with the console's client; answers the code and its PKCE verifier. */
async function consoleSignIn(user: { email: string; password: string }) {
  const settings = (await api<AuthConfig>('GET', '/api/v1/auth/config')).body;
  const config = await relyingParty(settings.issuer, settings.client_id);
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: consoleRedirect(),
    scope: settings.scopes.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: oidc.randomState(),
  });
  const callback = await new Browser().authorize(url.href, user, consoleRedirect());
  return { code: callback.searchParams.get('code') ?? '', verifier };
}

beforeAll(async () => {
  gateway = inject('gatewayUrl');
  root = await superAdminToken();
  partner = await createPartner(root);
  tenant = await createTenant(root, partner.id);
  admin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
});

describe('GET /api/v1/auth/config', () => {
  it("answers the console's client on the platform issuer, publicly, as plain JSON", async () => {
    const response = await api<AuthConfig>('GET', '/api/v1/auth/config');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      issuer: `${gateway}/api/v1/platform/oauth`,
      client_id: 'scai-admin-console',
      scopes: expect.arrayContaining(['openid', 'profile', 'email', 'admin:read', 'admin:write']),
      logout_url: `${gateway}/api/v1/platform/oauth/logout`,
    });
    // The issuer is a real one: its discovery document names it.
    const discovery = await api<{ issuer: string; end_session_endpoint: string }>('GET', '/api/v1/platform/oauth/.well-known/openid-configuration');
    expect(discovery.body.issuer).toBe(response.body.issuer);
    expect(discovery.body.end_session_endpoint).toBe(response.body.logout_url);
  });
});

describe('POST /api/v1/auth/token (the console client, server-side)', () => {
  it('exchanges a code from the sign-in page for the API token; refreshes; a replayed code is the endpoint\'s own invalid_grant', async () => {
    const { code, verifier } = await consoleSignIn(admin);
    const exchange = { grant_type: 'authorization_code', code, redirect_uri: consoleRedirect(), code_verifier: verifier };
    const tokens = await api<{ access_token: string; refresh_token: string; id_token: string; token_type: string; expires_in: number }>('POST', '/api/v1/auth/token', {
      body: exchange,
      headers: { origin: 'https://console.elsewhere.test' },
    });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String), id_token: expect.any(String) });
    const access = await verified(tokens.body.access_token, { issuer: `${gateway}/api/v1/platform/oauth`, audience: apiResource() });
    expect(access).toMatchObject({ sub: admin.id, client_id: 'scai-admin-console', tenant_id: tenant.id, roles: ['tenant_admin'], token_type: 'access' });
    expect(access.permissions).toEqual(expect.arrayContaining(['admin:users']));

    // The console's token works on the API.
    const me = await api<Identity>('GET', '/api/v1/auth/me', { token: tokens.body.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user_id: admin.id, email: admin.email, tenant_id: tenant.id });

    const refreshed = await api<{ access_token: string; refresh_token: string }>('POST', '/api/v1/auth/token', {
      body: { grant_type: 'refresh_token', refresh_token: tokens.body.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.body.refresh_token);
    expect((await verified(refreshed.body.access_token, { issuer: `${gateway}/api/v1/platform/oauth`, audience: apiResource() })).sub).toBe(admin.id);

    const replay = await api<{ error: string }>('POST', '/api/v1/auth/token', { body: exchange });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe('invalid_grant');
    const bad = await api<ErrorBody>('POST', '/api/v1/auth/token', { body: { grant_type: 'password' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_error');
  });
});

describe('GET /api/v1/auth/me', () => {
  it('answers a user token with the user, the tenant and partner names, roles and permissions', async () => {
    const me = await api<Identity>('GET', '/api/v1/auth/me', { token: admin.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user_id: admin.id,
      tenant_id: tenant.id,
      partner_id: partner.id,
      email: admin.email,
      display_name: admin.email,
      tenant_name: tenant.name,
      partner_name: partner.name,
      roles: ['tenant_admin'],
      permissions: expect.arrayContaining(['admin:users']),
      client_id: 'scai-admin-console',
    });
  });

  it('answers 401 in the envelope without a token', async () => {
    const response = await api<ErrorBody>('GET', '/api/v1/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });
});

describe('public self-registration', () => {
  const application = { scope: 'GLOBAL', application_type: 'SERVICE', contact_email: 'dev@selfreg.e2e.test', requested_scopes: ['services:read'] };

  it('files anonymously → an admin approves → the status shows the secret once → client_credentials works; /auth/me answers the service', async () => {
    const filed = await api<{ data: { request_id: string; status_token: string } }>('POST', '/api/v1/public/register/applications', {
      body: { ...application, name: unique('self') },
    });
    expect(filed.status).toBe(201);
    const { request_id: requestId, status_token: statusToken } = filed.body.data;
    const poll = (token = statusToken) => api<{ data: PublicStatus }>('GET', `/api/v1/public/register/applications/${requestId}/status?status_token=${encodeURIComponent(token)}`);

    expect((await poll()).body.data).toMatchObject({ request_id: requestId, status: 'PENDING', client_id: null, client_secret: null });
    expect((await poll(`${statusToken}x`)).status).toBe(404);

    const listed = await api<{ data: { source: string; requested_by: string } }>('GET', `/api/v1/admin/registration-requests/${requestId}`, { token: root });
    expect(listed.body.data).toMatchObject({ source: 'PUBLIC', requested_by: 'public' });
    const approved = await api<{ data: { client_id: string; client_secret: string | null } }>('POST', `/api/v1/admin/registration-requests/${requestId}/approve`, { token: root, body: {} });
    expect(approved.status).toBe(200);
    // The secret is the requester's: the approving admin does not see it.
    expect(approved.body.data.client_secret).toBeNull();

    const first = await poll();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body.data).toMatchObject({ status: 'APPROVED', client_id: approved.body.data.client_id, client_secret: expect.stringMatching(/^scai_cs_/), client_secret_delivered: true });
    const second = await poll();
    expect(second.body.data).toMatchObject({ status: 'APPROVED', client_id: approved.body.data.client_id, client_secret: null, client_secret_delivered: true });

    const clientId = approved.body.data.client_id;
    const token = await fetch(`${gateway}/api/v1/platform/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${first.body.data.client_secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const { access_token: serviceToken } = (await token.json()) as { access_token: string };
    const access = await verified(serviceToken, { issuer: `${gateway}/api/v1/platform/oauth`, audience: apiResource() });
    expect(access).toMatchObject({ sub: clientId, token_type: 'client_credentials', app_scope: 'GLOBAL', scope: 'services:read' });

    const me = await api<Identity>('GET', '/api/v1/auth/me', { token: serviceToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user_id: null,
      tenant_id: null,
      partner_id: null,
      email: null,
      display_name: null,
      tenant_name: null,
      partner_name: null,
      roles: ['service'],
      permissions: ['services:read'],
      client_id: clientId,
    });
  });

  it('cancels a pending request for the token holder (204), 404 for a wrong token, 409 afterwards; an unknown tenant is 404', async () => {
    const filed = await api<{ data: { request_id: string; status_token: string } }>('POST', '/api/v1/public/register/applications', {
      body: { ...application, name: unique('self') },
    });
    const { request_id: requestId, status_token: statusToken } = filed.body.data;
    const cancel = (token: string) => api<ErrorBody>('DELETE', `/api/v1/public/register/applications/${requestId}?status_token=${encodeURIComponent(token)}`);
    expect((await cancel('scai_rst_wrong')).status).toBe(404);
    const done = await cancel(statusToken);
    expect(done.status).toBe(204);
    const status = await api<{ data: PublicStatus }>('GET', `/api/v1/public/register/applications/${requestId}/status?status_token=${encodeURIComponent(statusToken)}`);
    expect(status.body.data.status).toBe('CANCELLED');
    const again = await cancel(statusToken);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');

    const unknown = await api<ErrorBody>('POST', '/api/v1/public/register/applications', {
      body: { ...application, name: unique('self'), scope: 'TENANT', tenant_id: 'tnt_unknown' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });
});
