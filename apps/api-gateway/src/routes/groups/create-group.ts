import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { auditFields } from '../users/user-json.ts';
import { groupDetailJson } from './group-json.ts';
import { GroupCreate, GroupDetail } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

export const createGroup: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/groups',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'Create Group',
        description: 'Create a group in a tenant within your reach (names are unique per tenant: 409).',
        headers: AuthorizationHeader,
        body: ref(GroupCreate),
        response: { 201: Type.Object({ data: ref(GroupDetail), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: { collection: 'group', ownerIn: 'body' } },
    },
    async (request, reply) => {
      const answer = await clients.groups.createGroup(
        { name: request.body.name, tenantId: request.body.tenant_id, description: request.body.description, ...auditFields(request) },
        outgoing(request, config),
      );
      return reply.code(201).send(dataBody(groupDetailJson(answer.group), requestIdOf(request)));
    },
  );
};
