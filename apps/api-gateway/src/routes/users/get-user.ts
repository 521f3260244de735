import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { userJson } from './user-json.ts';
import { AdminUser, UserIdParams } from './user-schemas.ts';

export const getUser: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/users/:user_id',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'Get User',
        description: 'A user within your reach, with its role grants and groups.',
        params: UserIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(AdminUser), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { resource: 'user', param: 'user_id' } },
    },
    async (request) => {
      const answer = await clients.users.getUser({ id: request.params.user_id }, outgoing(request, config));
      return dataBody(userJson(answer.user), requestIdOf(request));
    },
  );
};
