import { generateKeyPair, SignJWT, exportJWK, type JWK } from 'jose';
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { api, login, superAdminToken, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('Admin Auth (seed 003) through the gateway', () => {
  it('logs in, reads me, refreshes with rotation and logs out', async () => {
    const session = await login(inject('adminEmail'), inject('adminPassword'));
    expect(session.user).toMatchObject({ email: inject('adminEmail'), roles: ['super_admin'] });
    const [, payload] = session.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({ iss: `${inject('gatewayUrl')}/api/v1/platform/oauth`, roles: ['super_admin'] });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);

    const me = await api<Record<string, unknown>>('GET', '/api/v1/admin/auth/me', { token: session.access_token });
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain(inject('adminEmail'));

    const refreshed = await api<{ access_token: string; refresh_token: string }>('POST', '/api/v1/admin/auth/refresh', {
      body: { refresh_token: session.refresh_token },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(session.refresh_token);

    // The rotated token is spent: using it again revokes the whole family.
    const reuse = await api<ErrorBody>('POST', '/api/v1/admin/auth/refresh', { body: { refresh_token: session.refresh_token } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('unauthorized');
    const family = await api('POST', '/api/v1/admin/auth/refresh', { body: { refresh_token: refreshed.body.refresh_token } });
    expect(family.status).toBe(401);

    const second = await login(inject('adminEmail'), inject('adminPassword'));
    const out = await api('POST', '/api/v1/admin/auth/logout', { token: second.access_token, body: { refresh_token: second.refresh_token } });
    expect(out.status).toBe(200);
    expect((await api('POST', '/api/v1/admin/auth/refresh', { body: { refresh_token: second.refresh_token } })).status).toBe(401);
  });

  it('refuses bad credentials and bad input without saying which part was wrong', async () => {
    const wrong = await api<ErrorBody>('POST', '/api/v1/admin/auth/login', { body: { email: inject('adminEmail'), password: 'nope-nope' } });
    expect(wrong.status).toBe(401);
    const unknown = await api<ErrorBody>('POST', '/api/v1/admin/auth/login', { body: { email: 'nobody@e2e.test', password: 'nope-nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    const invalid = await api<ErrorBody>('POST', '/api/v1/admin/auth/login', { body: { email: 'not-an-email' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail?.map((d) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    const noToken = await api<ErrorBody>('POST', '/api/v1/admin/auth/refresh', { body: {} });
    expect(noToken.status).toBe(422);
  });

  it('throttles repeated failures for one account with 429 in the envelope', async () => {
    const user = await createAdmin('super_admin');
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i += 1) {
      last = (await api('POST', '/api/v1/admin/auth/login', { body: { email: user.email, password: 'wrong-password' } })).status;
    }
    expect(last).toBe(429);
    const blocked = await api<ErrorBody>('POST', '/api/v1/admin/auth/login', { body: { email: user.email, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('refuses forged, unsigned and tampered tokens on protected routes', async () => {
    const jwks = (await (await fetch(`${inject('gatewayUrl')}/api/v1/platform/.well-known/jwks.json`)).json()) as { keys: (JWK & { kid: string })[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const kid = jwks.keys[0].kid;
    const [, payload] = root.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));

    const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    // HS256 "signed" with the public key: the classic algorithm-confusion forgery.
    const hsInput = `${b64url({ alg: 'HS256', kid })}.${b64url(claims)}`;
    const hs256 = `${hsInput}.${createHmac('sha256', JSON.stringify(jwks.keys[0])).update(hsInput).digest('base64url')}`;
    const { privateKey } = await generateKeyPair('RS256');
    const foreignKey = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    const tampered = `${root.split('.')[0]}.${b64url({ ...claims, roles: ['super_admin'], sub: 'usr_attacker' })}.${root.split('.')[2]}`;
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    void exportJWK;

    for (const token of [unsigned, hs256, foreignKey, tampered, expired, 'not.a.jwt']) {
      const response = await api<ErrorBody>('GET', '/api/v1/admin/partners/', { token });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('unauthorized');
    }
    expect((await api('GET', '/api/v1/admin/partners/', { token: root })).status).toBe(200);
  });

  it('lets tenant admins into me but not into the partner routes', async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id);
    const admin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
    const me = await api<Record<string, unknown>>('GET', '/api/v1/admin/auth/me', { token: admin.token });
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).toContain(tenant.id);
    expect((await api('GET', `/api/v1/admin/partners/${partner.id}`, { token: admin.token })).status).toBe(403);
  });
});
