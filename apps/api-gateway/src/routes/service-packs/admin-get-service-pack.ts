import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { packJson } from '../catalog/catalog-json.ts';
import { PackIdParams, ServicePack } from '../catalog/catalog-schemas.ts';
import { ADMIN_SERVICE_PACKS_TAG } from './tag.ts';

export const adminGetServicePack: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/service-packs/:pack_id',
    {
      schema: {
        tags: [ADMIN_SERVICE_PACKS_TAG],
        summary: 'Admin Get Service Pack',
        description: 'One pack by id or slug, whatever its status.',
        params: PackIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(ServicePack), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.servicePacks.getPack({ slugOrId: request.params.pack_id, includeHidden: true }, outgoing(request, config));
      return dataBody(packJson(answer.pack), requestIdOf(request));
    },
  );
};
