import cors, { type FastifyCorsOptions } from '@fastify/cors';
import { forbidden } from '@scai/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Headers a browser app may send: the bearer token, JSON bodies, idempotency keys, its own request id. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-request-id'];
/** Headers it may read: the request id to quote in support, and when to retry. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'location'];
/** How long a browser may reuse a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = 600;

/** `CORS_ORIGINS` (comma list) plus the public origin itself, whose own pages call the API. */
export function allowedOrigins(corsOrigins: string, publicUrl: string): Set<string> {
  const listed = corsOrigins.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean);
  return new Set([new URL(publicUrl).origin, ...listed]);
}

const isPreflight = (request: FastifyRequest) => request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;

/**
 * CORS for the browser apps of configured origins only. No credentials mode: the API
 * authenticates by bearer token, never by cookie. A preflight from any other origin is a
 * 403 in the envelope; other requests from it are served without CORS headers, so the
 * browser keeps the answer from the page.
 */
export async function registerCors(app: FastifyInstance, origins: Set<string>): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      // Routes that answer CORS themselves (the OAuth proxy) are left alone.
      if (request.routeOptions.config?.cors === false) {
        callback(null, { origin: false });
      } else if (origin !== undefined && origins.has(origin)) {
        const options: FastifyCorsOptions = {
          origin,
          methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
          allowedHeaders: ALLOWED_HEADERS,
          exposedHeaders: EXPOSED_HEADERS,
          credentials: false,
          maxAge: PREFLIGHT_MAX_AGE,
          strictPreflight: false,
        };
        callback(null, options);
      } else if (origin !== undefined && isPreflight(request)) {
        callback(forbidden(`Origin ${origin.slice(0, 100)} is not allowed`));
      } else {
        callback(null, { origin: false });
      }
    },
  });
}
