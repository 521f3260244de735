import { Type } from '@fastify/type-provider-typebox';
import { ErrorEnvelope, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { publicOutgoing } from './public-outgoing.ts';
import { StatusTokenQuery } from './public-schemas.ts';
import { RequestIdParams, TAG } from './schemas.ts';
import { statusTokenLogSerializers } from './status-token-logging.ts';

export const cancelPublicRegistration: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/public/register/applications/:request_id',
    {
      schema: {
        tags: [TAG],
        summary: 'Cancel Public Registration',
        description: 'Cancel a pending self-registration, for the holder of its status token (a wrong token answers 404; a request that is no longer pending, 409).',
        params: RequestIdParams,
        querystring: StatusTokenQuery,
        response: { 204: Type.Null({ description: 'Cancelled.' }), 404: errorResponses[404], 409: ref(ErrorEnvelope), 422: errorResponses[422] },
      },
      config: { auth: 'public', reach: 'none' },
      logSerializers: statusTokenLogSerializers,
    },
    async (request, reply) => {
      await clients.registrations.cancelPublicRequest({ id: request.params.request_id, statusToken: request.query.status_token }, publicOutgoing(request, config));
      return reply.code(204).send(null);
    },
  );
};
