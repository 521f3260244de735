import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { TenantIdParams } from '../tenants/tenant-schemas.ts';
import { TENANTS_TAG } from '../tenants/tag.ts';
import { profileFieldsFromBody, profileJson } from './billing-profile-json.ts';
import { BillingProfile, BillingProfileCreateUpdate } from './billing-profile-schemas.ts';

export const putTenantBillingProfile: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/tenants/:tenant_id/billing-profile',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Set Tenant Billing Profile',
        description: "Create or replace a tenant's billing profile (a tenant within your reach). Same rules and events as `PUT /billing/billing-profile`.",
        params: TenantIdParams,
        headers: AuthorizationHeader,
        body: ref(BillingProfileCreateUpdate),
        response: { 200: Type.Object({ data: ref(BillingProfile), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants', access: 'write' }, reach: { resource: 'tenant', param: 'tenant_id' } },
    },
    async (request) => {
      const answer = await clients.billingProfiles.putBillingProfile(
        { tenantId: request.params.tenant_id, fields: profileFieldsFromBody(request.body) },
        outgoing(request, config),
      );
      return dataBody(profileJson(answer.profile), requestIdOf(request));
    },
  );
};
