import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { partnerJson, partnerStatusToWire } from './partner-json.ts';
import { Partner, SeedListQuery } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const listPartners: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/partners/',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'List Partners',
        description: 'List all partners (platform admin only).',
        querystring: SeedListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(Partner)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:partners' }, reach: { collection: 'partner' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.per_page);
      const answer = await clients.partners.listPartners(
        {
          page: { page: page.page, pageSize: page.pageSize },
          search: request.query.search ?? '',
          status: partnerStatusToWire(request.query.status),
        },
        outgoing(request, config),
      );
      return pagedBody(answer.partners.map(partnerJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
