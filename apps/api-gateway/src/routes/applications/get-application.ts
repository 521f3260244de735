import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { applicationJson } from './application-json.ts';
import { AdminApplication, ApplicationIdParams } from './application-schemas.ts';
import { APPLICATIONS_TAG, DESIGN_ADDITION } from './tag.ts';

export const getApplication: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/applications/:application_id',
    {
      schema: {
        tags: [APPLICATIONS_TAG],
        summary: 'Get Application',
        description: `An OAuth application within your reach, by id or client id (404 outside it; GLOBAL applications are the super admin's). ${DESIGN_ADDITION}`,
        params: ApplicationIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(AdminApplication), meta: Meta }), ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'application', param: 'application_id' } },
    },
    async (request) => {
      const answer = await clients.applications.getApplication({ id: request.params.application_id }, outgoing(request, config));
      return dataBody(applicationJson(answer.application), requestIdOf(request));
    },
  );
};
