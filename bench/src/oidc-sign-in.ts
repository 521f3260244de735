import { createHash, randomBytes } from 'node:crypto';

/** A cookie jar and manual redirects: what a browser does on the sign-in pages, with fetch. */
class Browser {
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
}

export interface SignInTarget {
  gatewayUrl: string;
  /** `GET /api/v1/auth/config` of the gateway. */
  issuer: string;
  clientId: string;
  scopes: string[];
  redirectUri: string;
  user: { email: string; password: string };
}

/**
 * One complete OIDC sign-in of the admin console, as a browser and the console would do
 * it: authorize (code + PKCE) → sign-in page → password (argon2id) → consent → callback →
 * code exchange at `POST /api/v1/auth/token`. Throws unless it ends with an access token.
 */
export async function signInOnce(target: SignInTarget): Promise<void> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(`${target.issuer}/authorize`);
  for (const [name, value] of Object.entries({
    client_id: target.clientId,
    redirect_uri: target.redirectUri,
    response_type: 'code',
    scope: target.scopes.join(' '),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  })) {
    authorize.searchParams.set(name, value);
  }
  const browser = new Browser();
  let next = authorize.href;
  let code: string | null = null;
  for (let step = 0; step < 12 && code === null; step++) {
    const page = await browser.request(next);
    if (page.location) {
      if (page.location.startsWith(target.redirectUri)) code = new URL(page.location).searchParams.get('code');
      else next = page.location;
      continue;
    }
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)?.[1];
    if (page.status !== 200 || !action) throw new Error(`${next} answered ${page.status}`);
    const formUrl = new URL(action.replace(/&amp;/g, '&'), next).href;
    const posted = await browser.request(formUrl, formUrl.endsWith('/login') ? target.user : {});
    if (!posted.location) throw new Error(`${formUrl} answered ${posted.status}`);
    next = posted.location;
  }
  if (!code) throw new Error('the sign-in did not reach the callback');
  const token = await fetch(`${target.gatewayUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: target.redirectUri, code_verifier: verifier }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (token.status !== 200 || !body.access_token) throw new Error(`the code exchange answered ${token.status}`);
}
