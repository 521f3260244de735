import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { serviceFieldsFromBody, serviceJson } from './catalog-json.ts';
import { CatalogService, ServiceCreate } from './catalog-schemas.ts';
import { ADMIN_CATALOG_TAG } from './tag.ts';

export const createCatalogService: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/catalog/services',
    {
      schema: {
        tags: [ADMIN_CATALOG_TAG],
        summary: 'Create Catalog Service',
        description: 'Add a service to the catalog (platform admins).',
        headers: AuthorizationHeader,
        body: ref(ServiceCreate),
        response: { 201: Type.Object({ data: ref(CatalogService), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:registry', access: 'write' }, reach: 'platform' },
    },
    async (request, reply) => {
      const answer = await clients.catalog.createService({ slug: request.body.slug, fields: serviceFieldsFromBody(request.body) }, outgoing(request, config));
      return reply.code(201).send(dataBody(serviceJson(answer.service), requestIdOf(request)));
    },
  );
};
