import rateLimit from '@fastify/rate-limit';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { GatewayApp, RouteModule } from '../types.ts';
import { publicOutgoing } from './public-outgoing.ts';
import { PublicRegistrationCreated } from './public-schemas.ts';
import { RegistrationRequestCreate, TAG } from './schemas.ts';

/**
 * Self-registrations per client address per window. Anyone may file one, and each lands
 * in an admin's queue: the limit keeps one address from flooding it. Counted in this
 * gateway instance's memory (several instances each allow as many).
 */
export const PUBLIC_REGISTRATION_LIMIT = { max: 5, timeWindow: '1 hour' } as const;

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

export const createPublicRegistration: RouteModule = (app, { clients, config }) => {
  // Its own scope: the rate-limit plugin applies to the routes that ask for it there only.
  void app.register(async (scope: GatewayApp) => {
    // The key is `request.ip`, which honours X-Forwarded-For only from TRUST_PROXY's proxies.
    await scope.register(rateLimit, { global: false });
    scope.post(
      '/api/v1/public/register/applications',
      {
        schema: {
          tags: [TAG],
          summary: 'Create Public Registration',
          description: [
            'Self-registration of an application by anyone, without an account (rate-limited per client address).',
            '',
            'The body is a `RegistrationRequestCreate`. A TENANT or PARTNER request must name an existing tenant or partner. Answers the request id and a status token, shown only once: poll the status with it (the credentials are shown there once, after approval) or cancel the request.',
          ].join('\n'),
          body: ref(RegistrationRequestCreate),
          response: { 201: PublicRegistrationCreated, 404: errorResponses[404], 422: errorResponses[422], 429: ref(ErrorEnvelope) },
        },
        config: { auth: 'public', reach: 'none', rateLimit: PUBLIC_REGISTRATION_LIMIT },
      },
      async (request, reply) => {
        const body = request.body;
        const response = await clients.registrations.createPublicRequest(
          {
            registration: {
              scope: body.scope,
              tenantId: orUndefined(body.tenant_id),
              partnerId: orUndefined(body.partner_id),
              name: body.name,
              description: orUndefined(body.description),
              applicationType: body.application_type,
              redirectUris: body.redirect_uris ?? [],
              postLogoutRedirectUris: body.post_logout_redirect_uris ?? [],
              allowedOrigins: body.allowed_origins ?? [],
              requestedScopes: body.requested_scopes ?? [],
              grantTypes: body.grant_types ?? [],
              contactEmail: body.contact_email,
              contactName: orUndefined(body.contact_name),
              organizationName: orUndefined(body.organization_name),
              websiteUrl: orUndefined(body.website_url),
            },
          },
          publicOutgoing(request, config),
        );
        reply.header('cache-control', 'no-store');
        return reply.code(201).send(dataBody({ request_id: response.requestId, status_token: response.statusToken }, requestIdOf(request)));
      },
    );
  });
};
