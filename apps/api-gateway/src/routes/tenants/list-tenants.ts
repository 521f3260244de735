import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { tenantJson } from './tenant-json.ts';
import { summaryJson } from '../billing/billing-profile-json.ts';
import { TenantListItem, TenantListQuery } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const listTenants: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/tenants',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'List Tenants',
        description: 'List the tenants within your reach, each with its billing summary; `q` searches name, contact e-mail, id and slug.',
        querystring: TenantListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(TenantListItem)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { collection: 'tenant' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const call = outgoing(request, config);
      const answer = await clients.tenants.listTenants({ page: { page: page.page, pageSize: page.pageSize }, q: request.query.q ?? '', status: 0 }, call);
      const { summaries } = answer.tenants.length
        ? await clients.billingProfiles.listBillingSummaries({ tenantIds: answer.tenants.map((tenant) => tenant.id) }, call)
        : { summaries: [] };
      const byTenant = new Map(summaries.map((summary) => [summary.tenantId, summary]));
      const rows = answer.tenants.map((tenant) => ({ ...tenantJson(tenant), billing: summaryJson(byTenant.get(tenant.id)) }));
      return pagedBody(rows, page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
