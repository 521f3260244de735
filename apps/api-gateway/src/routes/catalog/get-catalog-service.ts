import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { serviceJson } from './catalog-json.ts';
import { CatalogService, SlugParams } from './catalog-schemas.ts';
import { CATALOG_TAG } from './tag.ts';

export const getCatalogService: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/catalog/services/:slug',
    {
      schema: {
        tags: [CATALOG_TAG],
        summary: 'Get Catalog Service',
        description: 'One active public service: its plans with usage pricing, and the packs it is in.',
        params: SlugParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(CatalogService), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'services:read' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.catalog.getService({ slug: request.params.slug }, outgoing(request, config));
      return dataBody(serviceJson(answer.service), requestIdOf(request));
    },
  );
};
