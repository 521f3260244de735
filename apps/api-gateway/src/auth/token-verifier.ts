import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '@scai/api';
import { isRole, type AppScope, type Caller, type Role } from '@scai/permissions';
import { createVerifiedTokenCache, type VerifiedTokenCache } from './verified-token-cache.ts';

export interface TokenVerifierOptions {
  /** JWKS of the auth app; cached, and refetched when a token names an unknown `kid` (rotation). */
  jwks: JWTVerifyGetKey | URL;
  publicUrl: string;
  /**
   * Verified tokens, reused until their `exp` (default: 10,000 tokens for at most 60 s);
   * `false` verifies every time. Revocation is checked per request by the caller.
   */
  cache?: VerifiedTokenCache<VerifiedCaller> | false;
}

export const DEFAULT_TOKEN_CACHE = { maxEntries: 10_000, maxTtlMs: 60_000 } as const;

/** The caller a token names, with its `iat` (seconds) for the revocation check; not passed on. */
export type VerifiedCaller = Caller & { issuedAt?: number };

export type TokenVerifier = (token: string) => Promise<VerifiedCaller>;

const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

function platformIssuer(publicUrl: string): string {
  return `${publicUrl}/api/v1/platform/oauth`;
}

function isKnownIssuer(issuer: string | undefined, publicUrl: string): boolean {
  if (!issuer) return false;
  if (issuer === platformIssuer(publicUrl)) return true;
  const tenantPrefix = `${publicUrl}/api/v1/auth/tenants/`;
  return issuer.startsWith(tenantPrefix) && /^[a-z0-9-]+$/.test(issuer.slice(tenantPrefix.length));
}

/** jose's own errors mean a bad token; anything else (timeouts, refused fetches) means the JWKS is unreachable. */
function isKeySourceFailure(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ERR_JWKS_TIMEOUT') return true;
  return !(typeof code === 'string' && code.startsWith('ERR_J'));
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Frozen, because one cached caller is handed to every request that presents the token. */
function toCaller(payload: JWTPayload): VerifiedCaller {
  const isService = payload.token_type === 'client_credentials';
  const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  const roles = stringList(payload.roles).filter(isRole) as Role[];
  const appScope = payload.app_scope;
  return Object.freeze({
    subject: payload.sub as string,
    kind: isService ? 'service' : 'user',
    tenantId: stringOrNull(payload.tenant_id),
    partnerId: stringOrNull(payload.partner_id),
    roles: Object.freeze(isService && !roles.includes('service') ? [...roles, 'service'] : roles) as Role[],
    permissions: Object.freeze([...new Set([...stringList(payload.permissions), ...(isService ? scope : [])])]) as string[],
    clientId: stringOrNull(payload.client_id),
    appScope: appScope === 'GLOBAL' || appScope === 'PARTNER' || appScope === 'TENANT' ? (appScope as AppScope) : null,
    email: stringOrNull(payload.email),
    tokenId: stringOrNull(payload.jti),
    issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
  });
}

/**
 * Verifies access tokens: signature against the auth app's JWKS (asymmetric algorithms
 * only, so `alg: none` and HMAC-with-the-public-key forgeries fail), expiry and
 * not-before, audience, and an issuer of this platform. A token that passed is
 * remembered (by hash) until its `exp` or the cache's TTL, whichever comes first: the
 * signature check was the largest single part of the gateway's own cost per request
 * (a fifth of it, bench/README.md).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys =
    options.jwks instanceof URL
      ? createRemoteJWKSet(options.jwks, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3000 })
      : options.jwks;
  const audience = `${options.publicUrl}/api/v1`;
  const cache = options.cache === false ? undefined : (options.cache ?? createVerifiedTokenCache<VerifiedCaller>(DEFAULT_TOKEN_CACHE));
  return async (token) => {
    const cached = cache?.get(token);
    if (cached) return cached;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: ALGORITHMS, audience, clockTolerance: 5 }));
    } catch (error) {
      throw isKeySourceFailure(error)
        ? new AppError('unavailable', 'Token verification keys are unavailable')
        : new AppError('unauthorized', 'Invalid or expired token');
    }
    if (!isKnownIssuer(payload.iss, options.publicUrl) || typeof payload.sub !== 'string') {
      throw new AppError('unauthorized', 'Invalid or expired token');
    }
    const caller = toCaller(payload);
    cache?.set(token, caller, typeof payload.exp === 'number' ? payload.exp : undefined);
    return caller;
  };
}
