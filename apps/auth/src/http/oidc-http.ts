import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '@scai/api';
import type { SigningKeys } from '../keys/signing-keys.ts';
import { interactionRoutes } from '../oidc/interactions.ts';
import { isTenantSlug, PLATFORM_JWKS_PATH, PLATFORM_OAUTH_PREFIX, TENANT_ISSUER_PREFIX } from '../oidc/issuer.ts';
import type { IssuerProvider, ProviderRegistry } from '../oidc/provider-registry.ts';
import type { AuthDeps } from '../services/deps.ts';

export interface OidcHttpOptions {
  registry: ProviderRegistry;
  keys: SigningKeys;
  deps: AuthDeps;
}

/**
 * The OAuth 2.1 / OpenID Connect side of the app: the JWKS, the sign-in pages, and every
 * other path under an issuer answered by that issuer's oidc-provider (discovery,
 * authorize, token, revoke, introspect, userinfo, logout). Unknown or suspended tenants
 * answer 404 with the API's error envelope.
 */
export async function oidcHttp(app: FastifyInstance, options: OidcHttpOptions): Promise<void> {
  const { registry, keys } = options;

  async function tenantIssuer(slug: string): Promise<IssuerProvider> {
    const found = isTenantSlug(slug) ? await registry.tenant(slug) : null;
    if (!found) throw notFound('Tenant');
    return found;
  }

  const jwks = async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'public, max-age=300');
    return keys.jwks();
  };
  app.get(PLATFORM_JWKS_PATH, jwks);
  app.get<{ Params: { slug: string } }>(`${TENANT_ISSUER_PREFIX}/:slug/.well-known/jwks.json`, async (request, reply) => {
    await tenantIssuer(request.params.slug);
    return jwks(request, reply);
  });

  await app.register(interactionRoutes, { registry, deps: options.deps });

  // The provider reads request bodies itself: this scope leaves them unread.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));

    const dispatch = async (issuer: IssuerProvider, request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      await issuer.handle(request.raw, reply.raw);
    };
    const methods = ['GET', 'POST', 'OPTIONS'] as const;
    for (const url of [PLATFORM_OAUTH_PREFIX, `${PLATFORM_OAUTH_PREFIX}/*`]) {
      scope.route({ method: [...methods], url, handler: async (request, reply) => dispatch(await registry.platform(), request, reply) });
    }
    for (const url of [`${TENANT_ISSUER_PREFIX}/:slug`, `${TENANT_ISSUER_PREFIX}/:slug/*`]) {
      scope.route<{ Params: { slug: string } }>({
        method: [...methods],
        url,
        handler: async (request, reply) => dispatch(await tenantIssuer(request.params.slug), request, reply),
      });
    }
  });
}
