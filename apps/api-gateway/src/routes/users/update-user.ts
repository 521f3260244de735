import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { auditFields, userJson, userStatusToWire } from './user-json.ts';
import { AdminUser, UserIdParams, UserUpdate } from './user-schemas.ts';

export const updateUser: RouteModule = (app, { clients, config }) => {
  app.patch(
    '/api/v1/admin/users/:user_id',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'Update User',
        description: 'Update a user’s profile (display name, e-mail) or status (ACTIVE/SUSPENDED; suspension ends every session at once). Never a password.',
        params: UserIdParams,
        headers: AuthorizationHeader,
        body: ref(UserUpdate),
        response: { 200: Type.Object({ data: ref(AdminUser), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { resource: 'user', param: 'user_id' } },
    },
    async (request) => {
      const answer = await clients.users.updateUser(
        {
          id: request.params.user_id,
          displayName: request.body.display_name,
          email: request.body.email,
          status: userStatusToWire(request.body.status),
          ...auditFields(request),
        },
        outgoing(request, config),
      );
      return dataBody(userJson(answer.user), requestIdOf(request));
    },
  );
};
