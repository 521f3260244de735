import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { packFieldsFromBody, packJson } from '../catalog/catalog-json.ts';
import { PackIdParams, PackUpdate, ServicePack } from '../catalog/catalog-schemas.ts';
import { ADMIN_SERVICE_PACKS_TAG } from './tag.ts';

export const adminUpdateServicePack: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/service-packs/:pack_id',
    {
      schema: {
        tags: [ADMIN_SERVICE_PACKS_TAG],
        summary: 'Admin Update Service Pack',
        description: 'Change a pack (platform admins); `items`, when given, replaces them all.',
        params: PackIdParams,
        headers: AuthorizationHeader,
        body: ref(PackUpdate),
        response: { 200: Type.Object({ data: ref(ServicePack), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.servicePacks.updatePack({ id: request.params.pack_id, fields: packFieldsFromBody(request.body) }, outgoing(request, config));
      return dataBody(packJson(answer.pack), requestIdOf(request));
    },
  );
};
