import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { clientOf } from '../admin-auth/client-address.ts';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { applicationJson, applicationStatusToWire, valuesOf } from './application-json.ts';
import { AdminApplication, ApplicationIdParams, ApplicationUpdate } from './application-schemas.ts';
import { APPLICATIONS_TAG, DESIGN_ADDITION } from './tag.ts';

export const updateApplication: RouteModule = (app, { clients, config }) => {
  app.patch(
    '/api/v1/admin/applications/:application_id',
    {
      schema: {
        tags: [APPLICATIONS_TAG],
        summary: 'Update Application',
        description: `Change an application's name, description, URIs, origins, \`allowed_scopes\` (replaced, never merged), \`token_lifetime\` (60..86400 s) or status (ACTIVE/DISABLED; disabling answers invalid_client at once and revokes the outstanding grants and refresh tokens). Scope, type and owner are fixed (422). ${DESIGN_ADDITION}`,
        params: ApplicationIdParams,
        headers: AuthorizationHeader,
        body: ref(ApplicationUpdate),
        response: { 200: Type.Object({ data: ref(AdminApplication), meta: Meta }), ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'application', param: 'application_id' } },
    },
    async (request) => {
      const body = request.body;
      const answer = await clients.applications.updateApplication(
        {
          id: request.params.application_id,
          name: body.name,
          description: body.description,
          redirectUris: valuesOf(body.redirect_uris),
          postLogoutRedirectUris: valuesOf(body.post_logout_redirect_uris),
          allowedOrigins: valuesOf(body.allowed_origins),
          allowedScopes: valuesOf(body.allowed_scopes),
          tokenLifetime: body.token_lifetime,
          status: applicationStatusToWire(body.status),
          scope: body.scope,
          applicationType: body.application_type,
          tenantId: body.tenant_id,
          partnerId: body.partner_id,
          ...clientOf(request),
        },
        outgoing(request, config),
      );
      return dataBody(applicationJson(answer.application), requestIdOf(request));
    },
  );
};
