import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import { tenantJson, tenantStatusToWire } from '../tenants/tenant-json.ts';
import { Tenant } from '../tenants/tenant-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { PartnerIdParams, SeedListQuery } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const listPartnerTenants: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/partners/:partner_id/tenants',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'List Partner Tenants',
        description: "List a partner's tenants.",
        params: PartnerIdParams,
        querystring: SeedListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(Tenant)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { resource: 'partner', param: 'partner_id' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.per_page);
      const answer = await clients.tenants.listPartnerTenants(
        {
          partnerId: request.params.partner_id,
          page: { page: page.page, pageSize: page.pageSize },
          q: request.query.search ?? '',
          status: tenantStatusToWire(request.query.status),
        },
        outgoing(request, config),
      );
      return pagedBody(answer.tenants.map(tenantJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
