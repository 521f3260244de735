import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { tenantJson } from './tenant-json.ts';
import { Tenant, TenantListQuery } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const listTenants: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/tenants',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'List Tenants',
        description: 'List the tenants within your reach; `q` searches name, contact e-mail, id and slug.',
        querystring: TenantListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(Tenant)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { collection: 'tenant' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.tenants.listTenants(
        { page: { page: page.page, pageSize: page.pageSize }, q: request.query.q ?? '', status: 0 },
        outgoing(request, config),
      );
      return pagedBody(answer.tenants.map(tenantJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
