import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { tenantJson } from './tenant-json.ts';
import { profileOrNullJson, summaryJson } from '../billing/billing-profile-json.ts';
import { TenantDetail, TenantIdParams } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const getTenant: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/tenants/:tenant_id',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Get Tenant',
        description: 'Get a tenant by ID, with its billing profile and billing summary (both null when it has no profile).',
        params: TenantIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(TenantDetail), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { resource: 'tenant', param: 'tenant_id' } },
    },
    async (request) => {
      const call = outgoing(request, config);
      // The tenant first: out of reach it answers 404 before billing is asked anything.
      const answer = await clients.tenants.getTenant({ id: request.params.tenant_id }, call);
      const tenantIds = [request.params.tenant_id];
      const [billing, { summaries }] = await Promise.all([
        clients.billingProfiles.getBillingProfile({ tenantId: request.params.tenant_id }, call),
        clients.billingProfiles.listBillingSummaries({ tenantIds }, call),
      ]);
      return dataBody({ ...tenantJson(answer.tenant), billing_profile: profileOrNullJson(billing.profile), billing: summaryJson(summaries[0]) }, requestIdOf(request));
    },
  );
};
