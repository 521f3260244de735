import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { SigningKeys } from '../keys/signing-keys.ts';
import { OAuthError, type ClientCredentials } from '../services/client-credentials.ts';
import { clientAuthentication } from './client-auth.ts';
import { discoveryDocument, JWKS_PATH, PLATFORM_OAUTH_PREFIX } from './discovery.ts';

export interface PlatformOAuthOptions {
  publicUrl: string;
  keys: SigningKeys;
  clientCredentials: ClientCredentials;
}

function sendOAuthError(reply: FastifyReply, error: OAuthError, basicAttempted: boolean): FastifyReply {
  if (error.error === 'invalid_client' && basicAttempted) reply.header('www-authenticate', 'Basic realm="scai", charset="UTF-8"');
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send({ error: error.error, error_description: error.description });
}

/** Flat string parameters of a form or JSON body; a repeated or non-string parameter is a bad request (RFC 6749 §3.2). */
function parameters(body: unknown): Record<string, string | undefined> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new OAuthError('invalid_request', 'The body must be a form or a JSON object');
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_request', `Parameter ${key} must appear once, as a string`);
    out[key] = value;
  }
  return out;
}

/**
 * The platform issuer's OAuth endpoints: discovery, JWKS and the token endpoint with the
 * `client_credentials` grant. One Fastify plugin, so the full OIDC provider (authorization
 * code + PKCE) can replace it without touching the rest of the app.
 */
export async function platformOAuth(app: FastifyInstance, options: PlatformOAuthOptions): Promise<void> {
  await app.register(formbody);

  app.get(JWKS_PATH, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return options.keys.jwks();
  });

  app.get(`${PLATFORM_OAUTH_PREFIX}/.well-known/openid-configuration`, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return discoveryDocument(options.publicUrl);
  });

  // Token endpoint errors are RFC 6749 bodies, never the API's error envelope.
  await app.register(async (token) => {
    token.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof OAuthError) return sendOAuthError(reply, error, request.headers.authorization !== undefined);
      if (error.statusCode && error.statusCode < 500) return sendOAuthError(reply, new OAuthError('invalid_request', 'Malformed request body'), false);
      request.log.error({ err: error }, 'token endpoint failed');
      return reply.code(500).header('cache-control', 'no-store').send({ error: 'server_error' });
    });

    token.post(`${PLATFORM_OAUTH_PREFIX}/token`, async (request, reply) => {
      const params = parameters(request.body);
      if (!params.grant_type) throw new OAuthError('invalid_request', 'grant_type is required');
      if (params.grant_type !== 'client_credentials') throw new OAuthError('unsupported_grant_type', `Grant type ${params.grant_type} is not supported`);
      const client = clientAuthentication(request.headers.authorization, params);
      if (!client) throw new OAuthError('invalid_client', 'Client authentication is required');
      const issued = await options.clientCredentials.issue({ clientId: client.clientId, clientSecret: client.clientSecret, scope: params.scope });
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(issued);
    });
  });
}
