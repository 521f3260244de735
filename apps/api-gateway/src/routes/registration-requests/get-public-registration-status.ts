import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { Type } from '@fastify/type-provider-typebox';
import { publicOutgoing } from './public-outgoing.ts';
import { PublicRegistrationStatus, StatusTokenQuery } from './public-schemas.ts';
import { publicStatusView } from './public-status-view.ts';
import { RequestIdParams, TAG } from './schemas.ts';
import { statusTokenLogSerializers } from './status-token-logging.ts';

export const getPublicRegistrationStatus: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/public/register/applications/:request_id/status',
    {
      schema: {
        tags: [TAG],
        summary: 'Get Public Registration Status',
        description: [
          'The status of a self-registration, for the holder of its status token (a wrong token answers 404).',
          '',
          'After approval the first read also answers the client secret (confidential application types); it is not kept after that read, and every later read answers `client_secret: null`.',
        ].join('\n'),
        params: RequestIdParams,
        querystring: StatusTokenQuery,
        response: { 200: Type.Object({ data: ref(PublicRegistrationStatus), meta: Meta }), 404: errorResponses[404], 422: errorResponses[422] },
      },
      config: { auth: 'public', reach: 'none' },
      logSerializers: statusTokenLogSerializers,
    },
    async (request, reply) => {
      const response = await clients.registrations.getPublicRequestStatus(
        { id: request.params.request_id, statusToken: request.query.status_token },
        publicOutgoing(request, config),
      );
      // The answer may carry a secret: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return dataBody(publicStatusView(response.status), requestIdOf(request));
    },
  );
};
