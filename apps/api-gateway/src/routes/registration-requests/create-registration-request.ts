import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { RegistrationRequestCreate, RequestBody, TAG } from './schemas.ts';

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

export const createRegistrationRequest: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/registration-requests/',
    {
      schema: {
        tags: [TAG],
        summary: 'Create Registration Request',
        description: [
          'Create a new application registration request (admin-initiated).',
          '',
          'The request will need to be approved by an admin with appropriate permissions.',
        ].join('\n'),
        headers: AuthorizationHeader,
        body: ref(RegistrationRequestCreate),
        response: { 201: RequestBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { collection: 'registration_request', ownerIn: 'body' } },
    },
    async (request, reply) => {
      const body = request.body;
      const response = await clients.registrations.createRequest(
        {
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
        outgoing(request, config),
      );
      return reply.code(201).send(dataBody(requestView(response.request), requestIdOf(request)));
    },
  );
};
