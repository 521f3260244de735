import { beforeAll, describe, expect, it, inject } from 'vitest';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

async function approvedService(scopes: string[]): Promise<{ clientId: string; clientSecret: string }> {
  const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
    token: root,
    body: { scope: 'GLOBAL', name: unique('svc'), application_type: 'SERVICE', contact_email: 'svc@e2e.test', requested_scopes: scopes },
  });
  const approved = await api<{ data: { client_id: string; client_secret: string } }>(
    'POST',
    `/api/v1/admin/registration-requests/${created.body.data.id}/approve`,
    { token: root, body: {} },
  );
  return { clientId: approved.body.data.client_id, clientSecret: approved.body.data.client_secret };
}

async function token(form: Record<string, string>, basic?: { id: string; secret: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString('base64')}`;
  const response = await fetch(`${inject('gatewayUrl')}/api/v1/platform/oauth/token`, { method: 'POST', headers, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('OAuth through the gateway origin', () => {
  it('serves discovery and JWKS under the platform issuer', async () => {
    const discovery = await api<Record<string, unknown>>('GET', '/api/v1/platform/oauth/.well-known/openid-configuration');
    expect(discovery.status).toBe(200);
    expect(discovery.body.issuer).toBe(`${inject('gatewayUrl')}/api/v1/platform/oauth`);
    expect(discovery.body.token_endpoint).toBe(`${inject('gatewayUrl')}/api/v1/platform/oauth/token`);
    const jwks = await api<{ keys: unknown[] }>('GET', '/api/v1/platform/.well-known/jwks.json');
    expect(jwks.body.keys.length).toBeGreaterThan(0);
  });

  it('grants client_credentials to an approved GLOBAL SERVICE application, limited to admin reads', async () => {
    const app = await approvedService(['admin:read']);
    const basic = await token({ grant_type: 'client_credentials' }, { id: app.clientId, secret: app.clientSecret });
    expect(basic.status).toBe(200);
    expect(basic.body).toMatchObject({ token_type: 'Bearer' });
    expect(basic.body.refresh_token).toBeUndefined();
    const form = await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: 'admin:read' });
    expect(form.status).toBe(200);
    const access = basic.body.access_token as string;
    const claims = JSON.parse(Buffer.from(access.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ sub: app.clientId, client_id: app.clientId, token_type: 'client_credentials', app_scope: 'GLOBAL' });

    expect((await api('GET', '/api/v1/admin/partners/', { token: access })).status).toBe(200);
    const write = await api<ErrorBody>('POST', '/api/v1/admin/partners/', {
      token: access,
      body: { name: 'By service', slug: unique('svc'), contact_email: 'x@e2e.test' },
    });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('Platform token requires admin:read or admin:write scope');
  });

  it('refuses a GLOBAL SERVICE token without admin scopes on admin routes', async () => {
    const app = await approvedService(['services:read']);
    const granted = await token({ grant_type: 'client_credentials' }, { id: app.clientId, secret: app.clientSecret });
    expect(granted.status).toBe(200);
    const refused = await api<ErrorBody>('GET', '/api/v1/admin/partners/', { token: granted.body.access_token as string });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Platform token requires admin:read or admin:write scope');
  });

  it('answers RFC 6749 errors for bad clients and grants', async () => {
    const app = await approvedService(['admin:read']);
    const wrongSecret = await token({ grant_type: 'client_credentials' }, { id: app.clientId, secret: 'wrong' });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe('invalid_client');
    const badGrant = await token({ grant_type: 'password', client_id: app.clientId, client_secret: app.clientSecret });
    expect(badGrant.status).toBe(400);
    expect(badGrant.body.error).toBe('unsupported_grant_type');
    const badScope = await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: 'admin:write' });
    expect(badScope.status).toBe(400);
    expect(badScope.body.error).toBe('invalid_scope');
  });
});
