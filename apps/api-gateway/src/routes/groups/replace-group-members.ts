import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { auditFields } from '../users/user-json.ts';
import { groupDetailJson } from './group-json.ts';
import { GroupDetail, GroupIdParams, GroupMembersReplace } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

export const replaceGroupMembers: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/groups/:group_id/members',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'Replace Group Members',
        description: 'Replace the member list; every user must belong to the group’s tenant (422 naming the others).',
        params: GroupIdParams,
        headers: AuthorizationHeader,
        body: ref(GroupMembersReplace),
        response: { 200: Type.Object({ data: ref(GroupDetail), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: { resource: 'group', param: 'group_id' } },
    },
    async (request) => {
      const answer = await clients.groups.replaceGroupMembers(
        { id: request.params.group_id, userIds: request.body.user_ids, ...auditFields(request) },
        outgoing(request, config),
      );
      return dataBody(groupDetailJson(answer.group), requestIdOf(request));
    },
  );
};
