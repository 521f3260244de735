import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { auditFields, grantToWire, userJson } from './user-json.ts';
import { AdminUser, UserIdParams, UserRolesChange } from './user-schemas.ts';

export const changeUserRoles: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/users/:user_id/roles',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'Change User Roles',
        description: 'Grant and revoke roles in one change. Nobody grants what they do not hold: 403 for a role above yours or for another tenant.',
        params: UserIdParams,
        headers: AuthorizationHeader,
        body: ref(UserRolesChange),
        response: { 200: Type.Object({ data: ref(AdminUser), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { resource: 'user', param: 'user_id' } },
    },
    async (request) => {
      const answer = await clients.users.changeUserRoles(
        {
          id: request.params.user_id,
          grant: (request.body.grant ?? []).map(grantToWire),
          revoke: (request.body.revoke ?? []).map((revocation) => ({ role: revocation.role })),
          ...auditFields(request),
        },
        outgoing(request, config),
      );
      return dataBody(userJson(answer.user), requestIdOf(request));
    },
  );
};
