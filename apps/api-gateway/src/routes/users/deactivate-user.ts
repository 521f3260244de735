import { Type } from '@fastify/type-provider-typebox';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { auditFields } from './user-json.ts';
import { UserIdParams } from './user-schemas.ts';

export const deactivateUser: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/users/:user_id',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'Deactivate User',
        description: 'Deactivate a user (soft): the account stays with status DEACTIVATED, and every session, refresh token and OpenID grant ends at once.',
        params: UserIdParams,
        headers: AuthorizationHeader,
        response: { 204: Type.Null({ description: 'Successful Response' }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { resource: 'user', param: 'user_id' } },
    },
    async (request, reply) => {
      await clients.users.deactivateUser({ id: request.params.user_id, ...auditFields(request) }, outgoing(request, config));
      return reply.code(204).send(null);
    },
  );
};
