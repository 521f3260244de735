import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { auditFields } from '../users/user-json.ts';
import { groupDetailJson } from './group-json.ts';
import { GroupDetail, GroupIdParams } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

export const removeGroupRole: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/groups/:group_id/role',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'Remove Group Role',
        description: 'Take the group’s role away; its members lose it from their next token.',
        params: GroupIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(GroupDetail), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: { resource: 'group', param: 'group_id' } },
    },
    async (request) => {
      const answer = await clients.groups.removeGroupRole({ id: request.params.group_id, ...auditFields(request) }, outgoing(request, config));
      return dataBody(groupDetailJson(answer.group), requestIdOf(request));
    },
  );
};
