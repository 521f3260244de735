import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { packFieldsFromBody, packJson } from '../catalog/catalog-json.ts';
import { PackCreate, ServicePack } from '../catalog/catalog-schemas.ts';
import { ADMIN_SERVICE_PACKS_TAG } from './tag.ts';

export const adminCreateServicePack: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/service-packs',
    {
      schema: {
        tags: [ADMIN_SERVICE_PACKS_TAG],
        summary: 'Admin Create Service Pack',
        description: 'Bundle plans into a pack (platform admins): a fixed price, or the items less a percentage.',
        headers: AuthorizationHeader,
        body: ref(PackCreate),
        response: { 201: Type.Object({ data: ref(ServicePack), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request, reply) => {
      const answer = await clients.servicePacks.createPack({ slug: request.body.slug, fields: packFieldsFromBody(request.body) }, outgoing(request, config));
      return reply.code(201).send(dataBody(packJson(answer.pack), requestIdOf(request)));
    },
  );
};
