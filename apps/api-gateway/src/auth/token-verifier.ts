import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AppError } from '@scai/api';
import { isRole, type AppScope, type Caller, type Role } from '@scai/permissions';

export interface TokenVerifierOptions {
  /** JWKS of the auth app; cached, and refetched when a token names an unknown `kid` (rotation). */
  jwks: JWTVerifyGetKey | URL;
  publicUrl: string;
}

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

function toCaller(payload: JWTPayload): VerifiedCaller {
  const isService = payload.token_type === 'client_credentials';
  const scope = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  const roles = stringList(payload.roles).filter(isRole) as Role[];
  const appScope = payload.app_scope;
  return {
    subject: payload.sub as string,
    kind: isService ? 'service' : 'user',
    tenantId: stringOrNull(payload.tenant_id),
    partnerId: stringOrNull(payload.partner_id),
    roles: isService && !roles.includes('service') ? [...roles, 'service'] : roles,
    permissions: [...new Set([...stringList(payload.permissions), ...(isService ? scope : [])])],
    clientId: stringOrNull(payload.client_id),
    appScope: appScope === 'GLOBAL' || appScope === 'PARTNER' || appScope === 'TENANT' ? (appScope as AppScope) : null,
    email: stringOrNull(payload.email),
    tokenId: stringOrNull(payload.jti),
    issuedAt: typeof payload.iat === 'number' ? payload.iat : undefined,
  };
}

/**
 * Verifies access tokens: signature against the auth app's JWKS (asymmetric algorithms
 * only, so `alg: none` and HMAC-with-the-public-key forgeries fail), expiry and
 * not-before, audience, and an issuer of this platform.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const keys =
    options.jwks instanceof URL
      ? createRemoteJWKSet(options.jwks, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3000 })
      : options.jwks;
  const audience = `${options.publicUrl}/api/v1`;
  return async (token) => {
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
    return toCaller(payload);
  };
}
