import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { userJson, userStatusToWire } from './user-json.ts';
import { AdminUser, UserListQuery } from './user-schemas.ts';

export const listUsers: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'List Users',
        description: 'List the users within your reach; `q` searches e-mail, display name and id; filter by `tenant_id`, `partner_id` and `status`.',
        querystring: UserListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(AdminUser)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { collection: 'user' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.users.listUsers(
        {
          page: { page: page.page, pageSize: page.pageSize },
          q: request.query.q ?? '',
          tenantId: request.query.tenant_id,
          partnerId: request.query.partner_id,
          status: userStatusToWire(request.query.status),
        },
        outgoing(request, config),
      );
      return pagedBody(answer.users.map(userJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
