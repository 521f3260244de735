import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import * as oidc from 'openid-client';
import { inject } from 'vitest';

// openid-client 6 is the relying party; the "browser" is fetch with manual redirects and
// a cookie jar, submitting the server-rendered forms as a person would. Shared by the
// OpenID Connect and Authentication suites.

export const REDIRECT = 'https://spa.e2e.test/callback';
export const LOGGED_OUT = 'https://spa.e2e.test/signed-out';
export const SPA_SCOPES = ['openid', 'profile', 'email', 'organization:read'];

const gatewayUrl = () => inject('gatewayUrl');
/** The API's resource indicator (the access token's audience). */
export const apiResource = () => `${gatewayUrl()}/api/v1`;

/** A browser: one cookie jar, redirects followed by hand. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async request(url: string, form?: Record<string, string>): Promise<{ status: number; location: string | null; text: string }> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      if (!value || attributes.some((attribute) => /expires=Thu, 01 Jan 1970/i.test(attribute))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return { status: response.status, location: location ? new URL(location, url).href : null, text: await response.text() };
  }

  /** Follows the authorization flow to the client's redirect URI, signing in and consenting on the way. */
  async authorize(url: string, user: { email: string; password: string }, redirectUri = REDIRECT): Promise<URL> {
    let next = url;
    for (let step = 0; step < 12; step++) {
      const page = await this.request(next);
      if (page.location) {
        if (page.location.startsWith(redirectUri)) return new URL(page.location);
        next = page.location;
        continue;
      }
      if (page.status !== 200) throw new Error(`${next} answered ${page.status}: ${page.text.slice(0, 300)}`);
      const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
      if (!action) throw new Error(`no form on ${next}: ${page.text.slice(0, 300)}`);
      const target = new URL(action.replace(/&amp;/g, '&'), next).href;
      const posted = await this.request(target, target.endsWith('/login') ? { email: user.email, password: user.password } : {});
      if (!posted.location) throw new Error(`${target} answered ${posted.status}: ${posted.text.slice(0, 300)}`);
      next = posted.location;
    }
    throw new Error('too many steps');
  }
}

export async function relyingParty(issuer: string, clientId: string): Promise<oidc.Configuration> {
  return oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
}

/** The start of a code + PKCE flow: the URL to send the browser to and what the callback is checked with. */
export async function start(config: oidc.Configuration, extra: Record<string, string> = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: SPA_SCOPES.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    ...extra,
  });
  return { url: url.href, checks: { pkceCodeVerifier: verifier, expectedState: state } };
}

/**
 * Signs a person in with a SPA client the way a relying party does by default — no RFC 8707
 * `resource` anywhere — and exchanges the code; the access token is the API's JWT all the same.
 */
export async function signIn(issuer: string, clientId: string, user: { email: string; password: string }, browser = new Browser(), scopes = SPA_SCOPES) {
  const config = await relyingParty(issuer, clientId);
  const flow = await start(config, { scope: scopes.join(' ') });
  const callback = await browser.authorize(flow.url, user);
  const tokens = await oidc.authorizationCodeGrant(config, callback, flow.checks);
  return { config, tokens, browser };
}

export async function verified(token: string, options: { issuer: string; audience: string }): Promise<JWTPayload> {
  const jwks = createRemoteJWKSet(new URL(`${gatewayUrl()}/api/v1/platform/.well-known/jwks.json`));
  return (await jwtVerify(token, jwks, { algorithms: ['RS256'], ...options })).payload;
}

export async function oauthErrorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { error?: string }).error ?? String(error);
  }
  throw new Error('expected the request to be refused');
}
