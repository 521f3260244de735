import { Secret, TOTP } from 'otpauth';
import * as oidc from 'openid-client';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAdmin, createPartner, createTenant, createTenantUser } from './fixtures.ts';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { apiResource, Browser, LOGGED_OUT, REDIRECT, relyingParty, SPA_SCOPES, start } from './oidc-flow.ts';

interface Tokens {
  access_token: string;
  refresh_token: string;
  user: Record<string, unknown>;
}
interface Challenge {
  mfa_required: true;
  mfa_token: string;
  mfa_enrollment_required: boolean;
}

const PERIOD_MS = 30_000;
let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

/**
 * A code is accepted once per 30-s step (and never one older than the last), so a test
 * spends the steps before, at and after "now" in that order, starting early enough in a
 * step that all three stay valid while it runs. Codes come from otpauth, as an app makes them.
 */
async function stepCodes(secret: string): Promise<(offset: -1 | 0 | 1) => string> {
  const left = PERIOD_MS - (Date.now() % PERIOD_MS);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  const base = Date.now();
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return (offset) => totp.generate({ timestamp: base + offset * PERIOD_MS });
}

const loginRaw = (email: string, password: string) => api<Tokens | Challenge>('POST', '/api/v1/admin/auth/login', { body: { email, password } });

describe('TOTP second factor through the gateway', () => {
  it('enrolls, then login answers a challenge that a code or a recovery code (once) turns into tokens', async () => {
    const admin = await createAdmin('super_admin');

    const begun = await api<{ otpauth_uri: string; secret: string }>('POST', '/api/v1/admin/auth/mfa/totp', { token: admin.token });
    expect(begun.status).toBe(200);
    expect(begun.body.otpauth_uri).toMatch(/^otpauth:\/\/totp\//);
    const code = await stepCodes(begun.body.secret);

    const confirmed = await api<{ recovery_codes: string[] }>('POST', '/api/v1/admin/auth/mfa/totp/confirm', { token: admin.token, body: { code: code(-1) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recovery_codes).toHaveLength(10);

    const out = await api('POST', '/api/v1/admin/auth/logout', { token: admin.token, body: { refresh_token: admin.refreshToken } });
    expect(out.status).toBe(200);

    const challenge = await loginRaw(admin.email, admin.password);
    expect(challenge.status).toBe(200);
    expect(challenge.body).toEqual({ mfa_required: true, mfa_token: expect.stringMatching(/^scai_mfa_/), mfa_enrollment_required: false });
    const { mfa_token } = challenge.body as Challenge;

    const wrong = await api<ErrorBody>('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token, code: '000000' } });
    expect(wrong.status).toBe(401);
    const verified = await api<Tokens>('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token, code: code(0) } });
    expect(verified.status).toBe(200);
    expect(verified.body.user).toMatchObject({ email: admin.email });
    const me = await api('GET', '/api/v1/admin/auth/me', { token: verified.body.access_token });
    expect(me.status).toBe(200);

    // The code was spent: a new challenge refuses it.
    const again = (await loginRaw(admin.email, admin.password)).body as Challenge;
    expect((await api('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token: again.mfa_token, code: code(0) } })).status).toBe(401);

    const [recovery] = confirmed.body.recovery_codes;
    const byRecovery = await api<Tokens>('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token: again.mfa_token, recovery_code: recovery } });
    expect(byRecovery.status).toBe(200);
    expect(byRecovery.body.access_token).toBeTruthy();
    const third = (await loginRaw(admin.email, admin.password)).body as Challenge;
    expect((await api('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token: third.mfa_token, recovery_code: recovery } })).status).toBe(401);

    // Disabling with a current code: login answers tokens again.
    const disabled = await api('DELETE', '/api/v1/admin/auth/mfa/totp', { token: verified.body.access_token, body: { code: code(1) } });
    expect(disabled.status).toBe(200);
    const plain = await loginRaw(admin.email, admin.password);
    expect(Object.keys(plain.body).sort()).toEqual(['access_token', 'refresh_token', 'user']);
  });

  it('a tenant with settings.mfa_required makes its admin enroll before the first tokens', async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id, { settings: { mfa_required: true } });
    const user = await createTenantUser('tenant_admin', tenant.id);

    const challenge = await loginRaw(user.email, user.password);
    expect(challenge.status).toBe(200);
    expect(challenge.body).toMatchObject({ mfa_required: true, mfa_enrollment_required: true });
    const enrollmentToken = (challenge.body as Challenge).mfa_token;

    const begun = await api<{ secret: string }>('POST', '/api/v1/admin/auth/mfa/enroll', { body: { enrollment_token: enrollmentToken } });
    expect(begun.status).toBe(200);
    const code = await stepCodes(begun.body.secret);
    const confirmed = await api<Tokens & { recovery_codes: string[] }>('POST', '/api/v1/admin/auth/mfa/enroll/confirm', {
      body: { enrollment_token: enrollmentToken, code: code(-1) },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recovery_codes).toHaveLength(10);
    expect(confirmed.body.user).toMatchObject({ email: user.email, tenant_id: tenant.id });

    const next = (await loginRaw(user.email, user.password)).body as Challenge;
    expect(next).toMatchObject({ mfa_required: true, mfa_enrollment_required: false });
    expect((await api('POST', '/api/v1/admin/auth/mfa/verify', { body: { mfa_token: next.mfa_token, code: code(0) } })).status).toBe(200);
  });
});

/** A public SPA client of the tenant, registered and approved as the console does. */
async function tenantSpa(tenantId: string): Promise<string> {
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
      scope: 'TENANT',
      tenant_id: tenantId,
    },
  });
  const approved = await api<{ data: { client_id: string } }>('POST', `/api/v1/admin/registration-requests/${created.body.data.id}/approve`, { token: root, body: {} });
  if (approved.status !== 200) throw new Error(`approval answered ${approved.status}`);
  return approved.body.data.client_id;
}

const formOf = (html: string) => ({
  action: /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '',
  mfaToken: /name="mfa_token" value="([^"]+)"/.exec(html)?.[1] ?? '',
});

/** Follows redirects until a page (200) or the client's callback. */
async function follow(browser: Browser, url: string): Promise<{ url: string; text: string; callback?: URL }> {
  let next = url;
  for (let i = 0; i < 10; i++) {
    const page = await browser.request(next);
    if (!page.location) return { url: next, text: page.text };
    if (page.location.startsWith(REDIRECT)) return { url: next, text: '', callback: new URL(page.location) };
    next = page.location;
  }
  throw new Error('too many redirects');
}

describe('TOTP on the OpenID sign-in pages', () => {
  it('a tenant requiring MFA: enroll after the password, see the recovery codes, then a code is asked at each sign-in', async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id, { settings: { mfa_required: true } });
    const member = await createTenantUser('tenant_member', tenant.id);
    const clientId = await tenantSpa(tenant.id);
    const issuer = `${inject('gatewayUrl')}/api/v1/auth/tenants/${tenant.slug}`;
    const config = await relyingParty(issuer, clientId);

    /** Password, then whatever the second step asks; answers the code exchange's tokens. */
    async function signIn(secondStep: (html: string, base: string, browser: Browser) => Promise<{ location: string | null }>) {
      const browser = new Browser();
      const flow = await start(config);
      const signInPage = await follow(browser, flow.url);
      const login = new URL(formOf(signInPage.text).action, signInPage.url).href;
      const afterPassword = await browser.request(login, { email: member.email, password: member.password });
      expect(afterPassword.status).toBe(200);
      const done = await secondStep(afterPassword.text, login, browser);
      expect(done.location).toBeTruthy();
      let page = await follow(browser, done.location!);
      while (!page.callback) {
        const consent = new URL(formOf(page.text).action, page.url).href;
        const posted = await browser.request(consent, {});
        page = await follow(browser, posted.location!);
      }
      return oidc.authorizationCodeGrant(config, page.callback, flow.checks, { resource: apiResource() });
    }

    let secret = '';
    const first = await signIn(async (html, base, browser) => {
      expect(html).toContain('Set up two-step verification');
      secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(html)?.[1]?.replace(/ /g, '') ?? '';
      expect(secret).toHaveLength(32);
      const code = await stepCodes(secret);
      const enroll = formOf(html);
      const codesPage = await browser.request(new URL(enroll.action, base).href, { mfa_token: enroll.mfaToken, code: code(-1) });
      expect(codesPage.status).toBe(200);
      expect(codesPage.text).toContain('Save your recovery codes');
      expect(codesPage.text.match(/<li><code>/g)).toHaveLength(10);
      const next = formOf(codesPage.text);
      return browser.request(new URL(next.action, base).href, { mfa_token: next.mfaToken });
    });
    expect(first.access_token).toBeTruthy();

    const second = await signIn(async (html, base, browser) => {
      expect(html).toContain('Two-step verification');
      expect(html).toContain(String(tenant.name));
      const form = formOf(html);
      const target = new URL(form.action, base).href;
      const wrong = await browser.request(target, { mfa_token: form.mfaToken, code: '000000' });
      expect(wrong.status).toBe(401);
      const code = await stepCodes(secret);
      return browser.request(target, { mfa_token: form.mfaToken, code: code(0) });
    });
    expect(second.access_token).toBeTruthy();
  });
});
