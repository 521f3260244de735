import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { serviceFieldsFromBody, serviceJson } from './catalog-json.ts';
import { CatalogService, ServiceUpdate, SlugParams } from './catalog-schemas.ts';
import { ADMIN_CATALOG_TAG } from './tag.ts';

export const updateCatalogService: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/catalog/services/:slug',
    {
      schema: {
        tags: [ADMIN_CATALOG_TAG],
        summary: 'Update Catalog Service',
        description: 'Change a service of the catalog (platform admins); its slug stays.',
        params: SlugParams,
        headers: AuthorizationHeader,
        body: ref(ServiceUpdate),
        response: { 200: Type.Object({ data: ref(CatalogService), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:registry', access: 'write' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.catalog.updateService({ slug: request.params.slug, fields: serviceFieldsFromBody(request.body) }, outgoing(request, config));
      return dataBody(serviceJson(answer.service), requestIdOf(request));
    },
  );
};
