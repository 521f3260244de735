import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { Account, Client, KoaContextWithOIDC, Provider } from 'oidc-provider';

/**
 * oidc-provider signs JWT access tokens without keeping them, and by design refuses them
 * at introspection, revocation (`unsupported_token_type`) and userinfo (any token with an
 * audience). The platform's API token *is* a JWT, so this module gives it the same life
 * an opaque token has:
 * - every JWT access token is also stored as the row an opaque one would be (same model,
 *   keyed by its `jti`), so revoking it or its grant removes that row like any other;
 * - at introspection and revocation a JWT the issuer signed is swapped for its `jti`
 *   before the provider reads the request, so the provider's own client authentication,
 *   policies, grant checks and grant revocation apply unchanged;
 * - userinfo accepts the API's JWT when its row still exists and it carries `openid`.
 */

/** What the module needs of one issuer's provider. */
export interface JwtAccessTokenSettings {
  issuer: string;
  /** The API's audience: the only one a JWT access token of ours carries. */
  audience: string;
  routes: { introspection: string; revocation: string; userinfo: string };
  /** Every published public key (next, active, retired): tokens signed by a retiring key stay verifiable. */
  publishedKeys: () => Promise<{ keys: JWK[] }>;
  findAccount: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
  /** Claims per scope, as the provider's `claims` configuration lists them. */
  claimsOfScope: Record<string, string[]>;
  /** The provider's `clientBasedCORS`: whether a browser app of `origin` may read the answer. */
  allowsOrigin: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
}

type TokenModel = { jti: string; kind: string; exp?: number; iat?: number; constructor: { IN_PAYLOAD: string[]; adapter: { upsert(id: string, payload: object, ttl: number): Promise<void> } } };

/** Stands in for a JWT that does not verify: found by no lookup, so the provider answers "inactive" / does nothing. */
const UNKNOWN_TOKEN = 'unverifiable-structured-token';
/** oidc-provider reads at most this much of a body; so does the swap. */
const BODY_LIMIT = 56 * 1024;

export function looksLikeJwt(value: string | null | undefined): value is string {
  if (!value || value.split('.').length !== 3) return false;
  try {
    return Boolean(decodeProtectedHeader(value));
  } catch {
    return false;
  }
}

/**
 * From the JWT customizer (awaited while the token is issued): stores the token's row,
 * with the fields the opaque format would store, so lookups by `jti` find it.
 */
export async function storeJwtAccessToken(token: unknown, expiresAt: number): Promise<void> {
  const model = token as TokenModel & Record<string, unknown>;
  const ttl = expiresAt - Math.floor(Date.now() / 1000);
  if (!model.jti || ttl <= 0) return;
  const record: Record<string, unknown> = { iat: model.iat, exp: expiresAt };
  for (const field of model.constructor.IN_PAYLOAD) {
    if (model[field] !== undefined) record[field] = model[field];
  }
  // Stored as the provider's default (opaque) format, the only one its lookups read back.
  delete record.format;
  await model.constructor.adapter.upsert(model.jti, record, ttl);
}

async function readBody(ctx: KoaContextWithOIDC): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function jwtAccessTokenSupport(settings: JwtAccessTokenSettings) {
  const verify = async (token: string, audience?: string): Promise<JWTPayload | null> => {
    try {
      const keys = createLocalJWKSet(await settings.publishedKeys());
      const { payload } = await jwtVerify(token, keys, { issuer: settings.issuer, audience, typ: 'at+jwt' });
      return typeof payload.jti === 'string' ? payload : null;
    } catch {
      return null;
    }
  };

  /** Introspection and revocation: the JWT becomes its `jti` (or an unknown value when it does not verify). */
  async function swapForTokenId(ctx: KoaContextWithOIDC): Promise<void> {
    if (!ctx.is('application/x-www-form-urlencoded')) return;
    const params = new URLSearchParams(await readBody(ctx));
    const token = params.get('token');
    if (looksLikeJwt(token)) {
      const payload = await verify(token);
      params.set('token', payload?.jti ?? UNKNOWN_TOKEN);
      if (payload) ctx.state.introspectedJwt = payload;
    }
    // The stream is spent: the provider reads the body from here instead (its documented fallback).
    (ctx.request as { body?: string }).body = params.toString();
  }

  function refuse(ctx: KoaContextWithOIDC, status: number, error: string, description: string): void {
    ctx.status = status;
    ctx.set('www-authenticate', `Bearer error="${error}", error_description="${description}"`);
    ctx.set('cache-control', 'no-store');
    ctx.body = { error, error_description: description };
  }

  /** Userinfo for the API's JWT: verified, still stored (not revoked), `openid` granted, account and client still there. */
  async function answerUserinfo(ctx: KoaContextWithOIDC, provider: Provider, token: string): Promise<void> {
    const payload = await verify(token, settings.audience);
    const stored = payload ? await provider.AccessToken.find(payload.jti as string) : undefined;
    if (!payload || !stored) return refuse(ctx, 401, 'invalid_token', 'invalid token provided');
    const scopes = new Set(String(stored.scope ?? '').split(' '));
    if (!scopes.has('openid')) return refuse(ctx, 403, 'insufficient_scope', 'access token missing openid scope');
    const client = stored.clientId ? await provider.Client.find(stored.clientId) : undefined;
    const account = stored.accountId && client ? await settings.findAccount(ctx, stored.accountId) : undefined;
    if (!account || !client) return refuse(ctx, 401, 'invalid_token', 'invalid token provided');
    const origin = ctx.get('origin');
    if (origin && settings.allowsOrigin(ctx, origin, client)) {
      ctx.set('access-control-allow-origin', origin);
      ctx.vary('origin');
    }
    const claims = (await account.claims('userinfo', [...scopes].join(' '), {}, [])) as Record<string, unknown>;
    const allowed = new Set([...scopes].flatMap((scope) => settings.claimsOfScope[scope] ?? []));
    ctx.status = 200;
    ctx.set('cache-control', 'no-store');
    ctx.body = Object.fromEntries(Object.entries(claims).filter(([name]) => allowed.has(name)));
  }

  /** After the provider said `active: true`: the token's account and client must still exist (deactivated user, disabled app). */
  async function confirmStillActive(ctx: KoaContextWithOIDC, provider: Provider): Promise<void> {
    const body = ctx.body as { active?: boolean; sub?: string; client_id?: string; jti?: string } | undefined;
    if (!body?.active) return;
    const client = body.client_id ? await provider.Client.find(body.client_id) : undefined;
    const isUserToken = body.sub !== undefined && body.sub !== body.client_id;
    const account = isUserToken ? await settings.findAccount(ctx, body.sub as string) : undefined;
    if (!client || (isUserToken && !account)) {
      ctx.body = { active: false };
      return;
    }
    const jwt = ctx.state.introspectedJwt as JWTPayload | undefined;
    if (jwt) body.jti = jwt.jti;
  }

  /** Koa middleware for `provider.use`. */
  return (provider: Provider) =>
    async function jwtAccessTokens(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
      const { routes } = settings;
      if (ctx.method === 'POST' && (ctx.path === routes.introspection || ctx.path === routes.revocation)) {
        await swapForTokenId(ctx);
        await next();
        if (ctx.path === routes.introspection && ctx.status === 200) await confirmStillActive(ctx, provider);
        return;
      }
      if (ctx.path === routes.userinfo && (ctx.method === 'GET' || ctx.method === 'POST')) {
        const bearer = /^Bearer\s+(.+)$/i.exec(ctx.get('authorization'))?.[1]?.trim();
        if (looksLikeJwt(bearer)) return answerUserinfo(ctx, provider, bearer);
      }
      await next();
    };
}
