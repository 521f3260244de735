import * as oidc from 'openid-client';
import { beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, createPartner, createTenant, createTenantUser } from './fixtures.ts';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { Browser, LOGGED_OUT, oauthErrorOf, REDIRECT, relyingParty, signIn, SPA_SCOPES, start, verified } from './oidc-flow.ts';

let gateway: string;
let api1: string;
let root: string;
let tenantA: { id: string; slug: string };
let tenantB: { id: string; slug: string };
let adminA: { id: string; email: string; password: string };
let memberA: { id: string; email: string; password: string };
let spaA: string;
let spaA2: string;
let spaB: string;
let platformSpa: string;

const issuerOf = (slug: string) => `${gateway}/api/v1/auth/tenants/${slug}`;

async function registeredSpa(body: Record<string, unknown>): Promise<string> {
  const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
    token: root,
    body: {
      name: unique('spa'),
      application_type: 'SPA',
      contact_email: 'spa@e2e.test',
      redirect_uris: [REDIRECT],
      post_logout_redirect_uris: [LOGGED_OUT],
      allowed_origins: ['https://spa.e2e.test'],
      requested_scopes: SPA_SCOPES,
      ...body,
    },
  });
  if (created.status !== 201) throw new Error(`registration answered ${created.status}: ${JSON.stringify(created.body)}`);
  const approved = await api<{ data: { client_id: string; client_secret: string | null } }>('POST', `/api/v1/admin/registration-requests/${created.body.data.id}/approve`, {
    token: root,
    body: {},
  });
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  expect(approved.body.data.client_secret ?? null).toBeNull();
  return approved.body.data.client_id;
}

beforeAll(async () => {
  gateway = inject('gatewayUrl');
  api1 = `${gateway}/api/v1`;
  root = await superAdminToken();
  const partner = await createPartner(root);
  tenantA = await createTenant(root, partner.id);
  tenantB = await createTenant(root, partner.id);
  const admin = await createAdmin('tenant_admin', { tenantId: tenantA.id });
  adminA = { id: admin.id, email: admin.email, password: admin.password };
  memberA = await createTenantUser('tenant_member', tenantA.id);
  spaA = await registeredSpa({ scope: 'TENANT', tenant_id: tenantA.id });
  spaA2 = await registeredSpa({ scope: 'TENANT', tenant_id: tenantA.id });
  spaB = await registeredSpa({ scope: 'TENANT', tenant_id: tenantB.id });
  platformSpa = await registeredSpa({ scope: 'GLOBAL' });
});

describe('OpenID Connect on a tenant issuer, through the gateway', () => {
  it('discovers the tenant issuer; an unknown tenant is 404', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    expect(config.serverMetadata()).toMatchObject({
      issuer: issuerOf(tenantA.slug),
      authorization_endpoint: `${issuerOf(tenantA.slug)}/oauth/authorize`,
      token_endpoint: `${issuerOf(tenantA.slug)}/oauth/token`,
      code_challenge_methods_supported: ['S256'],
    });
    expect((await api('GET', '/api/v1/auth/tenants/no-such-tenant/.well-known/openid-configuration')).status).toBe(404);
  });

  it('signs a tenant admin in with code + PKCE on the sign-in page; tokens verify against the JWKS; the gateway accepts the access token', async () => {
    const { tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const idToken = await verified(tokens.id_token!, { issuer: issuerOf(tenantA.slug), audience: spaA });
    expect(idToken).toMatchObject({ sub: adminA.id });
    const access = await verified(tokens.access_token, { issuer: issuerOf(tenantA.slug), audience: api1 });
    expect(access).toMatchObject({ sub: adminA.id, client_id: spaA, tenant_id: tenantA.id, roles: ['tenant_admin'], token_type: 'access', email: adminA.email });
    // The OpenID scopes ride along (userinfo reads `openid` off this token); permissions are the API's alone.
    expect(String(access.scope).split(' ').sort()).toEqual(['email', 'openid', 'organization:read', 'profile']);
    expect(access.permissions).toEqual(['organization:read']);
    expect(tokens.refresh_token).toBeTruthy();

    const me = await api<{ email: string }>('GET', '/api/v1/admin/auth/me', { token: tokens.access_token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: adminA.email });
  });

  it('shows the tenant branding name on the sign-in page and refuses a wrong password there', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    const browser = new Browser();
    const first = await browser.request((await start(config)).url);
    const page = await browser.request(first.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Tenant ${tenantA.slug}`);
    const action = new URL(/action="([^"]+)"/.exec(page.text)![1], first.location!).href;
    const wrong = await browser.request(action, { email: adminA.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Invalid e-mail or password');
  });

  it('accepts a tenant member\'s access token on authenticated routes only, not on admin ones', async () => {
    const { tokens } = await signIn(issuerOf(tenantA.slug), spaA, memberA);
    const me = await api<ErrorBody>('GET', '/api/v1/admin/auth/me', { token: tokens.access_token });
    expect(me.status).toBe(403);
  });

  it('rotates refresh tokens; a spent one is refused and revokes the grant', async () => {
    const { config, tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const second = await oidc.refreshTokenGrant(config, tokens.refresh_token!, { resource: api1 });
    expect(second.refresh_token).toBeTruthy();
    expect(second.refresh_token).not.toBe(tokens.refresh_token);
    expect((await verified(second.access_token, { issuer: issuerOf(tenantA.slug), audience: api1 })).sub).toBe(adminA.id);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, tokens.refresh_token!))).toBe('invalid_grant');
    // Reuse detection: the legitimate newest token died with the grant.
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, second.refresh_token!))).toBe('invalid_grant');
  });

  it('with openid-client defaults (no resource) on the platform and a tenant issuer: the access token works on the API, introspects, revokes, and is refused after', async () => {
    for (const [issuer, clientId] of [[`${gateway}/api/v1/platform/oauth`, platformSpa], [issuerOf(tenantA.slug), spaA]] as const) {
      const { config, tokens } = await signIn(issuer, clientId, adminA);
      expect(await verified(tokens.access_token, { issuer, audience: api1 })).toMatchObject({ sub: adminA.id, client_id: clientId });
      const me = await api<{ data: { id?: string; user_id?: string; sub?: string } }>('GET', '/api/v1/auth/me', { token: tokens.access_token });
      expect(me.status, issuer).toBe(200);
      expect(await oidc.fetchUserInfo(config, tokens.access_token, adminA.id)).toMatchObject({ sub: adminA.id, email: adminA.email });

      const live = await oidc.tokenIntrospection(config, tokens.access_token);
      expect(live).toMatchObject({ active: true, client_id: clientId, sub: adminA.id, aud: api1, token_type: 'Bearer' });
      expect(live.jti).toEqual(expect.any(String));
      await oidc.tokenRevocation(config, tokens.access_token);
      expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
      await expect(oidc.fetchUserInfo(config, tokens.access_token, adminA.id)).rejects.toMatchObject({ status: 401 });

      // The gateway learns of the revocation from the event stream, within moments.
      let refused = 0;
      for (let attempt = 0; attempt < 50 && refused !== 401; attempt++) {
        refused = (await api('GET', '/api/v1/auth/me', { token: tokens.access_token })).status;
        if (refused !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(refused, issuer).toBe(401);
    }
  });

  it("introspects a suspended tenant's tokens as inactive on the platform issuer, and userinfo refuses them", async () => {
    const partner = await createPartner(root);
    const tenantC = await createTenant(root, partner.id);
    const admin = await createAdmin('tenant_admin', { tenantId: tenantC.id });
    const adminC = { id: admin.id, email: admin.email, password: admin.password };
    const platform = await signIn(`${gateway}/api/v1/platform/oauth`, platformSpa, adminC);
    expect((await oidc.tokenIntrospection(platform.config, platform.tokens.access_token)).active).toBe(true);

    expect((await api('PATCH', `/api/v1/admin/tenants/${tenantC.id}`, { token: root, body: { status: 'SUSPENDED' } })).status).toBe(200);
    expect((await oidc.tokenIntrospection(platform.config, platform.tokens.access_token)).active).toBe(false);
    await expect(oidc.fetchUserInfo(platform.config, platform.tokens.access_token, adminC.id)).rejects.toMatchObject({ status: 401 });
  });

  it('an unknown resource indicator is invalid_target', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    const flow = await start(config);
    const callback = await new Browser().authorize(flow.url, adminA);
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(config, callback, flow.checks, { resource: 'https://elsewhere.example/api' }))).toBe('invalid_target');
  });

  it('introspects a forged or foreign JWT as inactive', async () => {
    const { config, tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const [header, payload] = tokens.access_token.split('.');
    expect((await oidc.tokenIntrospection(config, `${header}.${payload}.${'A'.repeat(43)}`)).active).toBe(false);
    const platform = await signIn(`${gateway}/api/v1/platform/oauth`, platformSpa, adminA);
    expect((await oidc.tokenIntrospection(config, platform.tokens.access_token)).active).toBe(false);
  });

  it('answers userinfo, introspection and revocation', async () => {
    const { config, tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const forUserinfo = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    const userinfo = await oidc.fetchUserInfo(config, forUserinfo.access_token, adminA.id);
    expect(userinfo).toMatchObject({ sub: adminA.id, email: adminA.email });

    const live = await oidc.tokenIntrospection(config, forUserinfo.refresh_token!);
    expect(live).toMatchObject({ active: true, client_id: spaA, sub: adminA.id });
    await oidc.tokenRevocation(config, forUserinfo.refresh_token!);
    expect((await oidc.tokenIntrospection(config, forUserinfo.refresh_token!)).active).toBe(false);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, forUserinfo.refresh_token!))).toBe('invalid_grant');
  });

  it('answers CORS for the application\'s allowed origins only (preflight through the gateway)', async () => {
    const { config, tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const forUserinfo = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    const url = `${issuerOf(tenantA.slug)}/oauth/userinfo`;
    const preflight = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://spa.e2e.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBeLessThan(300);
    const allowed = await fetch(url, { headers: { origin: 'https://spa.e2e.test', authorization: `Bearer ${forUserinfo.access_token}` } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://spa.e2e.test');
    const foreign = await fetch(url, { headers: { origin: 'https://evil.e2e.test', authorization: `Bearer ${forUserinfo.access_token}` } });
    expect(foreign.headers.get('access-control-allow-origin')).not.toBe('https://evil.e2e.test');
  });

  it('logs out (RP-initiated): the session\'s refresh token stops working', async () => {
    const { config, tokens, browser } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const logout = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: LOGGED_OUT });
    const page = await browser.request(logout.href);
    expect(page.status).toBe(200);
    const form = /<form[^>]*action="([^"]+)"[^>]*>/.exec(page.text);
    const fields = Object.fromEntries([...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1], match[2]]));
    const done = await browser.request(new URL(form![1], logout.href).href, { ...fields, logout: 'yes' });
    expect(done.location).toMatch(new RegExp(`^${LOGGED_OUT}`));
    expect(await oauthErrorOf(oidc.refreshTokenGrant(config, tokens.refresh_token!))).toBe('invalid_grant');
  });
});

describe('the platform issuer', () => {
  it('signs a tenant\'s user in with a GLOBAL SPA: the token names the user\'s tenant', async () => {
    const { tokens } = await signIn(`${gateway}/api/v1/platform/oauth`, platformSpa, adminA);
    const access = await verified(tokens.access_token, { issuer: `${gateway}/api/v1/platform/oauth`, audience: api1 });
    expect(access).toMatchObject({ sub: adminA.id, tenant_id: tenantA.id, roles: ['tenant_admin'] });
  });

  it('grants client_credentials to a GLOBAL SERVICE application, refused on admin routes its scopes do not allow', async () => {
    const created = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', {
      token: root,
      body: { scope: 'GLOBAL', name: unique('svc'), application_type: 'SERVICE', contact_email: 'svc@e2e.test', requested_scopes: ['services:read'] },
    });
    const approved = await api<{ data: { client_id: string; client_secret: string } }>('POST', `/api/v1/admin/registration-requests/${created.body.data.id}/approve`, { token: root, body: {} });
    const config = await oidc.discovery(
      new URL(`${gateway}/api/v1/platform/oauth`),
      approved.body.data.client_id,
      undefined,
      oidc.ClientSecretBasic(approved.body.data.client_secret),
      { execute: [oidc.allowInsecureRequests] },
    );
    const tokens = await oidc.clientCredentialsGrant(config);
    const access = await verified(tokens.access_token, { issuer: `${gateway}/api/v1/platform/oauth`, audience: api1 });
    expect(access).toMatchObject({ sub: approved.body.data.client_id, token_type: 'client_credentials', app_scope: 'GLOBAL', scope: 'services:read' });
    const refused = await api<ErrorBody>('GET', '/api/v1/admin/partners/', { token: tokens.access_token });
    expect(refused.status).toBe(403);
  });
});

describe('attacks are refused', () => {
  it('a wrong PKCE verifier', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    const flow = await start(config);
    const callback = await new Browser().authorize(flow.url, adminA);
    const wrong = { ...flow.checks, pkceCodeVerifier: oidc.randomPKCECodeVerifier() };
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(config, callback, wrong, { resource: api1 }))).toBe('invalid_grant');
  });

  it('a replayed authorization code', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    const flow = await start(config);
    const callback = await new Browser().authorize(flow.url, adminA);
    await oidc.authorizationCodeGrant(config, callback, flow.checks, { resource: api1 });
    expect(await oauthErrorOf(oidc.authorizationCodeGrant(config, callback, flow.checks, { resource: api1 }))).toBe('invalid_grant');
  });

  it('a redirect URI that differs by one character', async () => {
    const config = await relyingParty(issuerOf(tenantA.slug), spaA);
    const flow = await start(config, { redirect_uri: `${REDIRECT}x` });
    const answer = await new Browser().request(flow.url);
    expect(answer.status).toBe(400);
    expect(answer.location).toBeNull();
    expect(answer.text).toContain('redirect_uri');
  });

  it('a refresh token presented by another client', async () => {
    const { tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const other = await relyingParty(issuerOf(tenantA.slug), spaA2);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(other, tokens.refresh_token!))).toBe('invalid_grant');
  });

  it('tenant A\'s tokens and clients on tenant B\'s issuer', async () => {
    const { config, tokens } = await signIn(issuerOf(tenantA.slug), spaA, adminA);
    const forUserinfo = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    // Tenant A's client does not exist on tenant B's issuer.
    const onB = await relyingParty(issuerOf(tenantB.slug), spaA);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(onB, forUserinfo.refresh_token!))).toBe('invalid_client');
    // Tenant B's client cannot use tenant A's refresh token, nor its access token at B's userinfo.
    const clientB = await relyingParty(issuerOf(tenantB.slug), spaB);
    expect(await oauthErrorOf(oidc.refreshTokenGrant(clientB, forUserinfo.refresh_token!))).toBe('invalid_grant');
    const userinfo = await fetch(`${issuerOf(tenantB.slug)}/oauth/userinfo`, { headers: { authorization: `Bearer ${forUserinfo.access_token}` } });
    expect(userinfo.status).toBe(401);
    // Tenant A's user cannot sign in on tenant B's issuer.
    const flow = await start(clientB);
    await expect(new Browser().authorize(flow.url, adminA)).rejects.toThrow(/401/);
  });
});
