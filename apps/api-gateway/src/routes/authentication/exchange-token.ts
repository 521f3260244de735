import type { Static } from '@fastify/type-provider-typebox';
import { unavailable } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { clientOf } from '../admin-auth/client-address.ts';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { ConsoleTokenRequest, OAuthError, TAG, TokenResponse } from './schemas.ts';

/** The platform issuer's token endpoint, on the auth app's HTTP side (its public path). */
const TOKEN_PATH = '/api/v1/platform/oauth/token';

/**
 * The console's token request, made server-side: the gateway adds the console's client id
 * and the API as the resource (so the access token is the API's JWT) and posts the form
 * to the auth app. The browser never calls the token endpoint itself, so no CORS is
 * involved. The answer, OAuth errors included, goes back as the endpoint gave it.
 */
export const exchangeToken: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/auth/token',
    {
      schema: {
        tags: [TAG],
        summary: 'Auth Token',
        description:
          "Exchanges an authorization code (with its PKCE verifier) or a refresh token for the admin console's tokens at the platform token endpoint. The answer is the token endpoint's, as it is: RFC 6749 tokens, or an RFC 6749 error with its status.",
        body: ref(ConsoleTokenRequest),
        response: { 200: ref(TokenResponse), 400: ref(OAuthError), 401: ref(OAuthError), 422: ref(HTTPValidationError), 503: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'none' },
    },
    async (request, reply) => {
      const call = { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS };
      const client = await clients.authentication.getConsoleClient({}, call);
      const body = request.body;
      const form = new URLSearchParams({ grant_type: body.grant_type, client_id: client.clientId, resource: `${config.PUBLIC_URL.replace(/\/+$/, '')}/api/v1` });
      for (const field of ['code', 'redirect_uri', 'code_verifier', 'refresh_token'] as const) {
        const value = body[field];
        if (value !== undefined) form.set(field, value);
      }
      const { clientIp, userAgent } = clientOf(request);
      let answer: Response;
      try {
        answer = await fetch(new URL(TOKEN_PATH, config.AUTH_HTTP_URL), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            'x-request-id': call.requestId,
            'x-forwarded-for': clientIp,
            ...(userAgent ? { 'user-agent': userAgent } : {}),
          },
          body: form.toString(),
          signal: AbortSignal.timeout(config.GRPC_DEADLINE_MS),
        });
      } catch (error) {
        request.log.warn({ err: error }, 'token endpoint unreachable');
        throw unavailable('The token endpoint is unavailable');
      }
      const payload = await answer.json().catch(() => null);
      const status = answer.status;
      if ((status !== 200 && status !== 400 && status !== 401) || !payload || typeof payload !== 'object') {
        request.log.warn({ status }, 'token endpoint answered unexpectedly');
        throw unavailable('The token endpoint is unavailable');
      }
      // Tokens must not be cached anywhere on the way (RFC 6749 §5.1).
      reply.headers({ 'cache-control': 'no-store', pragma: 'no-cache' });
      return status === 200 ? reply.code(200).send(payload as Static<typeof TokenResponse>) : reply.code(status).send(payload as Static<typeof OAuthError>);
    },
  );
};
