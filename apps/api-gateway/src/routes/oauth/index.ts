import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { GatewayApp, RouteGroup, RouteModule } from '../types.ts';
import { forwardToAuth, useAuthProxy } from './auth-proxy.ts';

const TAG = 'OAuth / OIDC';

/** Every path of the auth app's HTTP side; each is forwarded as it is (one public origin). */
export const AUTH_HTTP_PREFIXES = ['/api/v1/platform/oauth/', '/api/v1/platform/.well-known/', '/api/v1/auth/tenants/', '/api/v1/auth/invitations/'];

const Json = Type.Object({}, { additionalProperties: true });

const documented = [
  {
    method: 'GET' as const,
    url: '/api/v1/platform/oauth/.well-known/openid-configuration',
    operationId: 'getOpenIdConfiguration',
    summary: 'OpenID Configuration',
    description: 'Discovery document of the platform issuer (OpenID Connect Discovery 1.0 / RFC 8414).',
  },
  {
    method: 'GET' as const,
    url: '/api/v1/platform/.well-known/jwks.json',
    operationId: 'getJsonWebKeySet',
    summary: 'JSON Web Key Set',
    description: 'Public keys that verify access tokens (the same keys for every issuer); includes the next key before it signs and retired keys until their tokens expire.',
  },
  {
    method: 'POST' as const,
    url: '/api/v1/platform/oauth/token',
    operationId: 'requestOAuthToken',
    summary: 'Token',
    description:
      'OAuth 2.0 token endpoint. `grant_type=client_credentials` for SERVICE applications, form-urlencoded or JSON; client authentication by HTTP Basic or `client_id`/`client_secret` in the body. Errors are RFC 6749 bodies (`{"error": "invalid_client"}` …), not the API envelope.',
  },
];

/** The routes, in one scope with the proxy set up; the documented ones are static, the rest catch-alls. */
export const oauthProxy: RouteModule = (app: GatewayApp, { config }) => {
  void app.register(async (scope: FastifyInstance) => {
    await useAuthProxy(scope, config.AUTH_HTTP_URL);
    for (const route of documented) {
      scope.route({
        method: route.method,
        url: route.url,
        schema: { tags: [TAG], operationId: route.operationId, summary: route.summary, description: route.description, response: { 200: Json } },
        config: { auth: 'public', reach: 'none', cors: false },
        handler: forwardToAuth,
      });
    }
    // OPTIONS too: browsers' CORS preflights, answered by the provider from each client's allowed_origins.
    for (const prefix of AUTH_HTTP_PREFIXES) {
      scope.route({ method: ['GET', 'POST', 'OPTIONS'], url: `${prefix}*`, schema: { hide: true }, config: { auth: 'public', reach: 'none', cors: false }, handler: forwardToAuth });
    }
  });
};

export const oauthGroup: RouteGroup = {
  tag: TAG,
  description: 'OAuth 2.0 / OpenID Connect endpoints of the auth app, forwarded unchanged under this origin. Every path under `/api/v1/platform/oauth/`, `/api/v1/platform/.well-known/`, `/api/v1/auth/tenants/` and `/api/v1/auth/invitations/` (the page an invitation link opens to set a password) belongs here.',
  schemas: [],
  routes: [oauthProxy],
};
