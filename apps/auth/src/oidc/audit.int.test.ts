import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@scai/events/testing';
import { createUser, PUBLIC_URL, startHarness, system, type Harness } from '../test-support/harness.ts';

let h: Harness;
let service: { clientId: string; secret: string };
let web: { clientId: string; secret: string };
const REDIRECT = 'https://web.example.com/cb';
const USER = { email: 'audit-user@example.com', password: 'correct-horse-battery' };
const ISSUER = `${PUBLIC_URL}/api/v1/platform/oauth`;
const PLATFORM = '/api/v1/platform/oauth';

beforeAll(async () => {
  h = await startHarness('oidc_audit');
  const base = { description: 'test', redirectUris: [], postLogoutRedirectUris: [], allowedOrigins: [], grantTypes: [], tokenLifetime: 600 };
  const s = await h.applications.createApplication({ ...base, scope: 'GLOBAL', name: 'svc', applicationType: 'SERVICE', allowedScopes: ['usage:report'] }, system);
  service = { clientId: s.application!.clientId, secret: s.clientSecret! };
  const w = await h.applications.createApplication({ ...base, scope: 'GLOBAL', name: 'web', applicationType: 'WEB', redirectUris: [REDIRECT], allowedScopes: ['openid'] }, system);
  web = { clientId: w.application!.clientId, secret: w.clientSecret! };
  await createUser(h, { email: USER.email, password: USER.password, roles: [] });
});

afterAll(async () => {
  await h?.close();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const REQUEST_HEADERS = { 'x-request-id': 'req-audit-1', 'x-forwarded-for': '198.51.100.7', 'user-agent': 'audit-test' };

async function post(path: string, fields: Record<string, string>, authorization?: string) {
  const response = await fetch(`${h.httpUrl}${PLATFORM}${path}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { ...FORM, ...REQUEST_HEADERS, ...(authorization ? { authorization } : {}) },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** The outbox events of one type, waiting until at least one is written (they are written after the response). */
async function eventsOf(type: string, count = 1): Promise<{ type: string; subject?: string; data: Record<string, unknown> }[]> {
  let rows: { type: string; subject?: string; data: Record<string, unknown> }[] = [];
  await waitFor(async () => {
    const all = await h.db.outboxEvent.findMany({ orderBy: { createdAt: 'asc' } });
    rows = all.map((row) => row.payload as { type: string; subject?: string; data: Record<string, unknown> }).filter((event) => event.type === type);
    return rows.length >= count;
  }, 5000);
  return rows;
}

/** A minimal browser for the authorization flow: keeps cookies, maps the public origin to the app. */
class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, form?: Record<string, string>) {
    const target = url.replace(PUBLIC_URL, h.httpUrl);
    const headers: Record<string, string> = { ...REQUEST_HEADERS };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(target, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const name = pair!.slice(0, pair!.indexOf('=')).trim();
      const value = pair!.slice(pair!.indexOf('=') + 1).trim();
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, `${PUBLIC_URL}/`).href : null, text: await response.text() };
  }

  async authorize(url: string): Promise<URL> {
    let next = url;
    for (let step = 0; step < 12; step++) {
      const page = await this.request(next);
      if (page.location) {
        if (page.location.startsWith(REDIRECT)) return new URL(page.location);
        next = page.location;
        continue;
      }
      const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
      if (!action) throw new Error(`no form on ${next} (${page.status}): ${page.text.slice(0, 300)}`);
      const target = new URL(action.replace(/&amp;/g, '&'), next).href;
      const posted = await this.request(target, target.endsWith('/login') ? USER : {});
      if (!posted.location) throw new Error(`${target} answered ${posted.status}: ${posted.text.slice(0, 300)}`);
      next = posted.location;
    }
    throw new Error('too many steps');
  }
}

describe('audit events of the OpenID provider', () => {
  it('publishes scai.auth.token.granted for a client_credentials grant, with ids only', async () => {
    const response = await post('/token', { grant_type: 'client_credentials' }, basic(service.clientId, service.secret));
    expect(response.status).toBe(200);
    const [event] = await eventsOf('scai.auth.token.granted');
    expect(event!.data).toMatchObject({
      grant_type: 'client_credentials',
      client_id: service.clientId,
      subject: null,
      scope: 'usage:report',
      issuer: ISSUER,
      client_ip: '198.51.100.7',
      user_agent: 'audit-test',
      request_id: 'req-audit-1',
      tenant_id: null,
      actor: { subject: service.clientId, kind: 'service' },
    });
    expect(typeof event!.data.token_id).toBe('string');
    const serialized = JSON.stringify(event);
    expect(serialized).not.toContain(String(response.body.access_token));
    expect(serialized).not.toContain(service.secret);
  });

  it('publishes scai.auth.token.failed for a failed client authentication, naming the client but not the secret', async () => {
    const response = await post('/token', { grant_type: 'client_credentials' }, basic(service.clientId, 'wrong-secret'));
    expect(response.status).toBe(401);
    const [event] = await eventsOf('scai.auth.token.failed');
    expect(event!.data).toMatchObject({ endpoint: 'token', grant_type: 'client_credentials', client_id: service.clientId, error: 'invalid_client', issuer: ISSUER, client_ip: '198.51.100.7' });
    expect(JSON.stringify(event)).not.toContain('wrong-secret');
  });

  it('publishes sign-in, the code grant and the revocation of its token', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(`${ISSUER}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: web.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 'st',
    }).toString();
    const callback = await new Browser().authorize(authorize.href);
    const code = callback.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const [signIn] = await eventsOf('scai.auth.signin.succeeded');
    expect(signIn!.data).toMatchObject({ method: 'password', client_id: web.clientId, email: USER.email, issuer: ISSUER, client_ip: '198.51.100.7', user_agent: 'audit-test' });

    const tokens = await post('/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier }, basic(web.clientId, web.secret));
    expect(tokens.status).toBe(200);
    const granted = await eventsOf('scai.auth.token.granted', 2);
    const codeGrant = granted.find((event) => event.data.grant_type === 'authorization_code')!;
    expect(codeGrant.data).toMatchObject({ client_id: web.clientId, subject: signIn!.data.user_id, scope: 'openid', issuer: ISSUER });
    expect(typeof codeGrant.data.grant_id).toBe('string');
    expect(JSON.stringify(granted)).not.toContain(code);

    const revoked = await post('/revoke', { token: String(tokens.body.access_token) }, basic(web.clientId, web.secret));
    expect(revoked.status).toBe(200);
    const [revocation] = await eventsOf('scai.auth.token.revoked');
    expect(revocation!.data).toMatchObject({ token_type: 'access_token', client_id: web.clientId, subject: signIn!.data.user_id, grant_id: codeGrant.data.grant_id, token_id: null, issuer: ISSUER });
    expect(JSON.stringify(revocation)).not.toContain(String(tokens.body.access_token));
  });

  it('publishes scai.auth.login.failed with the issuer for a wrong password on the sign-in page', async () => {
    const browser = new Browser();
    const authorize = new URL(`${ISSUER}/authorize`);
    authorize.search = new URLSearchParams({
      client_id: web.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid',
      code_challenge: createHash('sha256').update('x'.repeat(43)).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const start = await browser.request(authorize.href);
    const page = await browser.request(start.location!);
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)![1]!;
    const posted = await browser.request(new URL(action, start.location!).href, { email: USER.email, password: 'wrong' });
    expect(posted.status).toBe(401);
    const failures = await eventsOf('scai.auth.login.failed');
    expect(failures.at(-1)!.data).toMatchObject({ email: USER.email, reason: 'invalid_credentials', issuer: ISSUER, client_ip: '198.51.100.7' });
  });
});
