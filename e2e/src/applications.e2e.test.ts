import { beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

interface Approved {
  applicationId: string;
  clientId: string;
  clientSecret: string;
}

async function approvedGlobalService(scopes: string[]): Promise<Approved> {
  const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
    token: root,
    body: { scope: 'GLOBAL', name: unique('svc'), application_type: 'SERVICE', contact_email: 'svc@e2e.test', requested_scopes: scopes },
  });
  const approved = await api<{ data: { application_id: string; client_id: string; client_secret: string } }>(
    'POST',
    `/api/v1/admin/registration-requests/${created.body.data.id}/approve`,
    { token: root, body: {} },
  );
  expect(approved.status).toBe(200);
  const { application_id: applicationId, client_id: clientId, client_secret: clientSecret } = approved.body.data;
  return { applicationId, clientId, clientSecret };
}

async function clientCredentials(clientId: string, clientSecret: string, scope?: string) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, ...(scope ? { scope } : {}) });
  const response = await fetch(`${inject('gatewayUrl')}/api/v1/platform/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as { error?: string; access_token?: string; scope?: string } };
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as { scope: string };

describe('admin applications (an addition of this design)', () => {
  it('replaces allowed_scopes, rotates the secret with a grace period and disables the application', async () => {
    const app = await approvedGlobalService(['admin:read']);
    const path = `/api/v1/admin/applications/${app.applicationId}`;

    const got = await api<{ data: Record<string, unknown> }>('GET', path, { token: root });
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({ id: app.applicationId, client_id: app.clientId, scope: 'GLOBAL', allowed_scopes: ['admin:read'], status: 'ACTIVE' });
    expect(JSON.stringify(got.body)).not.toMatch(/secret|hash/i);
    const listed = await api<{ data: Array<{ id: string }>; pagination: { total: number } }>('GET', `/api/v1/admin/applications?q=${app.clientId}`, { token: root });
    expect(listed.body.data.map((a) => a.id)).toEqual([app.applicationId]);

    // allowed_scopes is replaced, not merged.
    const patched = await api<{ data: { allowed_scopes: string[] } }>('PATCH', path, { token: root, body: { allowed_scopes: ['services:read'] } });
    expect(patched.status).toBe(200);
    expect(patched.body.data.allowed_scopes).toEqual(['services:read']);
    expect(await clientCredentials(app.clientId, app.clientSecret, 'admin:read')).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const plain = await clientCredentials(app.clientId, app.clientSecret);
    expect(plain.status).toBe(200);
    expect(claimsOf(plain.body.access_token!).scope.split(' ')).not.toContain('admin:read');
    const fixed = await api<ErrorBody>('PATCH', path, { token: root, body: { scope: 'TENANT' } });
    expect(fixed.status).toBe(422);
    expect(fixed.body.detail?.[0].loc).toEqual(['body', 'scope']);

    // Rotation: the new secret works, the old one still does during the (default 24 h) grace.
    const rotated = await api<{ data: { client_id: string; client_secret: string; previous_secret_expires_at: string } }>('POST', `${path}/rotate-secret`, {
      token: root,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.client_id).toBe(app.clientId);
    expect(rotated.body.data.client_secret).not.toBe(app.clientSecret);
    expect(new Date(rotated.body.data.previous_secret_expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
    expect((await clientCredentials(app.clientId, rotated.body.data.client_secret)).status).toBe(200);
    expect((await clientCredentials(app.clientId, app.clientSecret)).status).toBe(200);

    // Disabled: invalid_client for either secret, and its outstanding access tokens refused at once.
    const outstanding = plain.body.access_token!;
    expect((await api('GET', '/api/v1/auth/me', { token: outstanding })).status).toBe(200);
    const disabled = await api<{ data: { status: string } }>('PATCH', path, { token: root, body: { status: 'DISABLED' } });
    expect(disabled.body.data.status).toBe('DISABLED');
    let status = 200;
    for (let i = 0; i < 50 && status !== 401; i += 1) {
      status = (await api('GET', '/api/v1/auth/me', { token: outstanding })).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(await clientCredentials(app.clientId, rotated.body.data.client_secret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await clientCredentials(app.clientId, app.clientSecret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('hides GLOBAL applications from a tenant admin (404) and refuses calls without an admin role', async () => {
    const app = await approvedGlobalService(['services:read']);
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id);
    const admin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });

    const path = `/api/v1/admin/applications/${app.applicationId}`;
    for (const [method, url, body] of [
      ['GET', path, undefined],
      ['PATCH', path, { name: 'mine now' }],
      ['POST', `${path}/rotate-secret`, undefined],
    ] as const) {
      const response = await api<ErrorBody>(method, url, { token: admin.token, body });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    }
    const listed = await api<{ data: Array<{ id: string; scope: string }> }>('GET', '/api/v1/admin/applications', { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.every((a) => a.scope === 'TENANT')).toBe(true);
    expect((await api('GET', '/api/v1/admin/applications')).status).toBe(401);
  });
});
