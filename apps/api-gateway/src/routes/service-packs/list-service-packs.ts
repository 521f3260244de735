import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, PageNumber, PageSize, Pagination, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { packJson } from '../catalog/catalog-json.ts';
import { ServicePack } from '../catalog/catalog-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const listServicePacks: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/service-packs',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'List Service Packs',
        description: 'Active public packs with their computed price.',
        querystring: Type.Object({ page: PageNumber, page_size: PageSize }),
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(ServicePack)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'services:read' }, reach: 'platform' },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.servicePacks.listPacks({ includeHidden: false, page: { page: page.page, pageSize: page.pageSize } }, outgoing(request, config));
      return pagedBody(answer.packs.map(packJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
