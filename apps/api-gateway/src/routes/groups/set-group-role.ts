import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { auditFields } from '../users/user-json.ts';
import { groupDetailJson } from './group-json.ts';
import { GroupDetail, GroupIdParams, GroupRoleAssign } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

export const setGroupRole: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/groups/:group_id/role',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'Assign Group Role',
        description: 'Give the group its one role (replacing any other); its members inherit it from their next token. Nobody grants what they do not hold (403).',
        params: GroupIdParams,
        headers: AuthorizationHeader,
        body: ref(GroupRoleAssign),
        response: { 200: Type.Object({ data: ref(GroupDetail), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: { resource: 'group', param: 'group_id' } },
    },
    async (request) => {
      const answer = await clients.groups.setGroupRole({ id: request.params.group_id, role: request.body.role, ...auditFields(request) }, outgoing(request, config));
      return dataBody(groupDetailJson(answer.group), requestIdOf(request));
    },
  );
};
