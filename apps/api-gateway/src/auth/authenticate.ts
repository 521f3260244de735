import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@scai/api';
import { requirePermission, requireRole, type Caller } from '@scai/permissions';
import type { RevocationView } from '../revocation/revocation-view.ts';
import type { RouteAuth } from './route-auth.ts';
import type { TokenVerifier, VerifiedCaller } from './token-verifier.ts';

/** What the hook asks of the revocation view (`revocation/`). */
export type RevocationCheck = Pick<RevocationView, 'seeded' | 'revocationOf'>;

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new AppError('unauthorized', 'Malformed Authorization header');
  return match[1];
}

/**
 * The caller without `iat`, made once per verification: the verifier hands the same
 * frozen (cached) object to every request with that token, so this is a lookup, not a
 * copy. Only frozen callers are remembered: one that can still change (a test's fake
 * verifier) is copied each time.
 */
const plainCallers = new WeakMap<VerifiedCaller, Caller>();

function plainCaller(verified: VerifiedCaller): Caller {
  const known = plainCallers.get(verified);
  if (known) return known;
  const { issuedAt: _issuedAt, ...caller } = verified;
  if (Object.isFrozen(verified)) plainCallers.set(verified, Object.freeze(caller));
  return caller;
}

/**
 * A verified token that is still honoured: its tenant, partner or user has not been
 * blocked since it was issued (suspension and deactivation take effect at once, not at
 * the token's `exp`). Checked on every request, also when the verification itself came
 * from the verifier's cache. `iat` stays here; the caller passed on to services is the plain one.
 */
async function admit(verify: TokenVerifier, revocations: RevocationCheck | undefined, token: string): Promise<Caller> {
  const verified = await verify(token);
  if (revocations) {
    // Until the view has replayed the stream, a suspended tenant's token cannot be told apart.
    if (!revocations.seeded) throw new AppError('unavailable', 'Token revocation state is not loaded yet');
    if (revocations.revocationOf(verified)) throw new AppError('unauthorized', 'Token has been revoked');
  }
  return plainCaller(verified);
}

/**
 * The one place a request's caller is established and its route's declared
 * requirement checked. Public routes still see a caller when a valid token is sent.
 * With `revocations`, tokens of blocked tenants, partners and users are refused.
 */
export function createAuthenticate(verify: TokenVerifier, revocations?: RevocationCheck) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.caller = null;
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return; // unknown routes and framework routes; every API route declares one (tested)
    if (auth === 'public') {
      // Public routes may carry other schemes (HTTP Basic client auth at the token endpoint).
      const header = request.headers.authorization;
      const token = header && /^Bearer\s/i.test(header) ? bearerToken(request) : null;
      if (token) request.caller = await admit(verify, revocations, token).catch(() => null);
      return;
    }
    const token = bearerToken(request);
    if (!token) throw new AppError('unauthorized', 'Authentication required');
    const caller = await admit(verify, revocations, token);
    request.caller = caller;
    if (auth === 'authenticated') return;
    if ('roles' in auth) {
      requireRole(caller, auth.roles);
      return;
    }
    requirePermission(caller, auth.scope, auth.access ?? (request.method === 'GET' ? 'read' : 'write'));
  };
}

/** The caller of a route that is not public (the hook has already refused anonymous requests). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('unauthorized', 'Authentication required');
  return request.caller;
}
