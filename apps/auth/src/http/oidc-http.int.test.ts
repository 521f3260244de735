import { createHmac, createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userAccessClaims } from '../domain/claims.ts';
import { PUBLIC_URL, startHarness, system, type Harness } from '../test-support/harness.ts';
import { verifierFor } from '../test-support/verify.ts';

let h: Harness;
let verify: ReturnType<typeof verifierFor>;
let service: { clientId: string; secret: string };
let web: { clientId: string; secret: string };
let partnerService: { clientId: string; secret: string };

const ACME = { id: 'tnt_acme', partnerId: 'prt_7', slug: 'acme', displayName: 'Acme Corp' };

beforeAll(async () => {
  h = await startHarness('oauth', {}, [ACME]);
  verify = verifierFor(h.httpUrl);
  const base = { description: 'test', redirectUris: [], postLogoutRedirectUris: [], allowedOrigins: [], grantTypes: [], tokenLifetime: 600 };
  const s = await h.applications.createApplication({ ...base, scope: 'GLOBAL', name: 'svc', applicationType: 'SERVICE', allowedScopes: ['usage:report', 'services:read'] }, system);
  service = { clientId: s.application!.clientId, secret: s.clientSecret! };
  const w = await h.applications.createApplication(
    { ...base, scope: 'GLOBAL', name: 'web', applicationType: 'WEB', redirectUris: ['https://web.example.com/cb'], allowedScopes: ['openid'] },
    system,
  );
  web = { clientId: w.application!.clientId, secret: w.clientSecret! };
  const p = await h.applications.createApplication({ ...base, scope: 'PARTNER', partnerId: 'prt_7', name: 'partner svc', applicationType: 'SERVICE', allowedScopes: ['usage:report'] }, system);
  partnerService = { clientId: p.application!.clientId, secret: p.clientSecret! };
});

afterAll(async () => {
  await h?.close();
});

const PLATFORM_TOKEN = '/api/v1/platform/oauth/token';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(body: string, headers: Record<string, string> = FORM, path = PLATFORM_TOKEN) {
  const response = await fetch(`${h.httpUrl}${path}`, { method: 'POST', body, headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('discovery and JWKS', () => {
  it('publishes the platform issuer, its endpoints and what it supports', async () => {
    const response = await fetch(`${h.httpUrl}/api/v1/platform/oauth/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const issuer = `${PUBLIC_URL}/api/v1/platform/oauth`;
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      issuer,
      jwks_uri: `${PUBLIC_URL}/api/v1/platform/.well-known/jwks.json`,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      revocation_endpoint: `${issuer}/revoke`,
      introspection_endpoint: `${issuer}/introspect`,
      userinfo_endpoint: `${issuer}/userinfo`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      id_token_signing_alg_values_supported: expect.arrayContaining(['RS256']),
    });
    expect(body.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    expect(body.grant_types_supported).not.toContain('implicit');
    expect(body.claims_supported).toEqual(expect.arrayContaining(['tenant_id', 'roles', 'permissions', 'app_scope']));
  });

  it('publishes a tenant issuer under its slug, with the same keys', async () => {
    const issuer = `${PUBLIC_URL}/api/v1/auth/tenants/acme`;
    const body = (await (await fetch(`${h.httpUrl}/api/v1/auth/tenants/acme/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, authorization_endpoint: `${issuer}/oauth/authorize`, token_endpoint: `${issuer}/oauth/token` });
    const platformKeys = await (await fetch(`${h.httpUrl}/api/v1/platform/.well-known/jwks.json`)).json();
    expect(await (await fetch(`${h.httpUrl}/api/v1/auth/tenants/acme/.well-known/jwks.json`)).json()).toEqual(platformKeys);
  });

  it('answers 404 for an unknown tenant', async () => {
    for (const path of ['/api/v1/auth/tenants/nobody/.well-known/openid-configuration', '/api/v1/auth/tenants/nobody/.well-known/jwks.json', '/api/v1/auth/tenants/Bad_Slug/oauth/token']) {
      const response = await fetch(`${h.httpUrl}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('serves public keys only (active and next)', async () => {
    const jwks = (await (await fetch(`${h.httpUrl}/api/v1/platform/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.stringMatching(/^key_/) });
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('p');
    }
  });

  it('answers the error envelope for unknown paths', async () => {
    const response = await fetch(`${h.httpUrl}/api/v1/platform/oauth/nothing`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('client_credentials', () => {
  it('issues a JWT with the platform claims, with HTTP Basic and all approved scopes when none are asked', async () => {
    const response = await post(form({ grant_type: 'client_credentials' }), { ...FORM, authorization: basic(service.clientId, service.secret) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'usage:report services:read' });
    expect(response.body).not.toHaveProperty('refresh_token');
    const claims = await verify(response.body.access_token as string);
    expect(claims).toMatchObject({
      sub: service.clientId,
      client_id: service.clientId,
      token_type: 'client_credentials',
      app_scope: 'GLOBAL',
      partner_id: null,
      tenant_id: null,
      roles: ['service'],
      permissions: ['usage:report', 'services:read'],
      scope: 'usage:report services:read',
    });
    expect(claims.exp! - claims.iat!).toBe(600);
    expect(claims.nbf).toBe(claims.iat);
  });

  it('issues a token with form fields and a narrower scope', async () => {
    const response = await post(form({ grant_type: 'client_credentials', client_id: service.clientId, client_secret: service.secret, scope: 'usage:report' }));
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe('usage:report');
    expect((await verify(response.body.access_token as string)).permissions).toEqual(['usage:report']);
  });

  it('serves a PARTNER application on the issuer of its partner\'s tenants, not on the platform issuer', async () => {
    const credentials = { ...FORM, authorization: basic(partnerService.clientId, partnerService.secret) };
    const platform = await post(form({ grant_type: 'client_credentials' }), credentials);
    expect(platform).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const tenant = await post(form({ grant_type: 'client_credentials' }), credentials, '/api/v1/auth/tenants/acme/oauth/token');
    expect(tenant.status).toBe(200);
    const claims = await verifierFor(h.httpUrl, `${PUBLIC_URL}/api/v1/auth/tenants/acme`)(tenant.body.access_token as string);
    expect(claims).toMatchObject({ app_scope: 'PARTNER', partner_id: 'prt_7', permissions: ['usage:report'] });
  });

  it('answers invalid_client (401) for a bad secret or an unknown client', async () => {
    const bad = await post(form({ grant_type: 'client_credentials' }), { ...FORM, authorization: basic(service.clientId, 'wrong') });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
    expect(bad.headers.get('cache-control')).toBe('no-store');

    const unknown = await post(form({ grant_type: 'client_credentials', client_id: 'scai_nobody', client_secret: 'x' }));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toBe('invalid_client');
  });

  it('answers invalid_request for no credentials, a missing grant type, two auth methods and a JSON body', async () => {
    expect((await post(form({ grant_type: 'client_credentials' }))).body.error).toBe('invalid_request');
    expect((await post(form({ client_id: service.clientId, client_secret: service.secret }))).body.error).toBe('invalid_request');
    const both = await post(form({ grant_type: 'client_credentials', client_id: service.clientId, client_secret: service.secret }), {
      ...FORM,
      authorization: basic(service.clientId, service.secret),
    });
    expect(both.status).toBe(400);
    expect(both.body.error).toBe('invalid_request');
    // RFC 6749 §4.4.2: the token request is form-encoded.
    const json = await post(JSON.stringify({ grant_type: 'client_credentials', client_id: service.clientId, client_secret: service.secret }), { 'content-type': 'application/json' });
    expect(json).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('answers unsupported_grant_type, invalid_scope and refuses the grant to a WEB application', async () => {
    const unsupported = await post(form({ grant_type: 'password', client_id: service.clientId, client_secret: service.secret }));
    expect(unsupported).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    const scope = await post(form({ grant_type: 'client_credentials', client_id: service.clientId, client_secret: service.secret, scope: 'admin:write' }));
    expect(scope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const webClient = await post(form({ grant_type: 'client_credentials', client_id: web.clientId, client_secret: web.secret }));
    expect(webClient.status).toBe(400);
    expect(['unauthorized_client', 'invalid_request']).toContain(webClient.body.error);
  });
});

describe('forged tokens fail verification against the JWKS', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = () =>
    userAccessClaims({
      publicUrl: PUBLIC_URL,
      now: new Date(),
      ttlSeconds: 900,
      userId: 'usr_x',
      email: 'x@example.com',
      tenantId: null,
      partnerId: null,
      roles: ['super_admin'],
      permissions: [],
      clientId: 'scai-admin-console',
      sessionId: 'ses_x',
    });

  it('accepts a genuine token (control)', async () => {
    await expect(verify(await h.app.keys.sign(claims()))).resolves.toMatchObject({ sub: 'usr_x' });
  });

  it('refuses alg none', async () => {
    const jwks = (await (await fetch(`${h.httpUrl}/api/v1/platform/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const token = `${b64({ alg: 'none', typ: 'JWT', kid: jwks.keys[0].kid })}.${b64(claims())}.`;
    await expect(verify(token)).rejects.toThrow();
  });

  it('refuses HS256 signed with the public key', async () => {
    const jwks = (await (await fetch(`${h.httpUrl}/api/v1/platform/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const publicPem = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
    const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: jwks.keys[0].kid })}.${b64(claims())}`;
    const signature = createHmac('sha256', publicPem).update(signingInput).digest('base64url');
    await expect(verify(`${signingInput}.${signature}`)).rejects.toThrow();
  });

  it('refuses an expired token and a wrong audience, even when our key signed them', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect(verify(await h.app.keys.sign({ ...claims(), iat: past - 900, nbf: past - 900, exp: past }))).rejects.toThrow(/exp/);
    await expect(verify(await h.app.keys.sign({ ...claims(), aud: 'https://elsewhere.example/api/v1' }))).rejects.toThrow(/aud/);
  });

  it('refuses a token signed by a key that is not published', async () => {
    const { generateKeyPair, SignJWT } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256');
    const jwks = (await (await fetch(`${h.httpUrl}/api/v1/platform/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const token = await new SignJWT({ ...claims() }).setProtectedHeader({ alg: 'RS256', kid: jwks.keys[0].kid }).sign(privateKey);
    await expect(verify(token)).rejects.toThrow(/signature/);
  });
});
