import type { FastifySchema } from 'fastify';
import type { RouteAuth } from './auth/route-auth.ts';
import { ErrorEnvelope } from './routes/common-schemas.ts';
import { ref } from './routes/schema-ref.ts';

type SecurityRequirement = Record<string, string[]>;

/**
 * What a generated client must send: nothing where public (`[]`), the bearer scheme with
 * the route's scope otherwise; a public route that reads a bearer when one is sent (logout)
 * says so with the empty alternative first.
 */
export function securityOf(auth: RouteAuth, acceptsBearer: boolean): SecurityRequirement[] {
  if (auth === 'public') return acceptsBearer ? [{}, { bearerAuth: [] }] : [];
  if (typeof auth === 'object' && 'scope' in auth) return [{ bearerAuth: [auth.scope] }];
  return [{ bearerAuth: [] }];
}

const isClientError = (code: string) => /^4\d\d$/.test(code);

/**
 * Completes a route's schema into an exact operation: its security and the error answers
 * every route can give in the envelope (401/403 where a token is required; at least 400
 * for a request that cannot be read), so no route has to remember them.
 */
export function describeOperation(schema: FastifySchema, auth: RouteAuth, acceptsBearer: boolean): void {
  schema.security = securityOf(auth, acceptsBearer);
  const response = (schema.response ??= {}) as Record<string, unknown>;
  if (auth !== 'public') {
    response[401] ??= ref(ErrorEnvelope);
    response[403] ??= ref(ErrorEnvelope);
  }
  if (!Object.keys(response).some(isClientError)) response[400] = ref(ErrorEnvelope);
}
