import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { Meta } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { publicOutgoing } from '../registration-requests/public-outgoing.ts';
import { serviceJson } from './catalog-json.ts';
import { CatalogService } from './catalog-schemas.ts';
import { CATALOG_TAG } from './tag.ts';

export const listCatalogServices: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/catalog/services',
    {
      schema: {
        tags: [CATALOG_TAG],
        summary: 'List Catalog Services',
        description: 'Active public services with their active public plans (no sign-in needed).',
        response: { 200: Type.Object({ data: Type.Array(ref(CatalogService)), meta: Meta }) },
      },
      config: { auth: 'public', reach: 'none' },
    },
    async (request) => {
      const answer = await clients.catalog.listServices({ includeHidden: false }, publicOutgoing(request, config));
      return dataBody(answer.services.map(serviceJson), requestIdOf(request));
    },
  );
};
