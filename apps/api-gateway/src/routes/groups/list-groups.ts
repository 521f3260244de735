import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { groupJson } from './group-json.ts';
import { Group, GroupListQuery } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

export const listGroups: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/groups',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'List Groups',
        description: 'The groups within your reach with their member counts (unpaged); `q` searches name and description, `has_role` keeps groups carrying that role.',
        querystring: GroupListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(Group)), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: { collection: 'group' } },
    },
    async (request) => {
      const answer = await clients.groups.listGroups(
        { q: request.query.q ?? '', tenantId: request.query.tenant_id, hasRole: request.query.has_role },
        outgoing(request, config),
      );
      return dataBody(answer.groups.map(groupJson), requestIdOf(request));
    },
  );
};
