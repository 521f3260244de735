import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@scai/api';
import { requirePermission, requireRole, type Caller } from '@scai/permissions';
import type { RouteAuth } from './route-auth.ts';
import type { TokenVerifier } from './token-verifier.ts';

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
 * The one place a request's caller is established and its route's declared
 * requirement checked. Public routes still see a caller when a valid token is sent.
 */
export function createAuthenticate(verify: TokenVerifier) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.caller = null;
    const auth = request.routeOptions.config.auth;
    if (auth === undefined) return; // unknown routes and framework routes; every API route declares one (tested)
    if (auth === 'public') {
      // Public routes may carry other schemes (HTTP Basic client auth at the token endpoint).
      const header = request.headers.authorization;
      const token = header && /^Bearer\s/i.test(header) ? bearerToken(request) : null;
      if (token) request.caller = await verify(token).catch(() => null);
      return;
    }
    const token = bearerToken(request);
    if (!token) throw new AppError('unauthorized', 'Authentication required');
    const caller = await verify(token);
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
