import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { tenantJson, updateTenantRequest } from './tenant-json.ts';
import { Tenant, TenantIdParams, TenantUpdate } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const updateTenant: RouteModule = (app, { clients, config }) => {
  app.patch(
    '/api/v1/admin/tenants/:tenant_id',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Update Tenant',
        description: 'Update a tenant: name, slug, status (ACTIVE/SUSPENDED), contact e-mail, settings, branding; partner_id for super admins.',
        params: TenantIdParams,
        headers: AuthorizationHeader,
        body: ref(TenantUpdate),
        response: { 200: Type.Object({ data: ref(Tenant), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { resource: 'tenant', param: 'tenant_id' } },
    },
    async (request) => {
      const answer = await clients.tenants.updateTenant(updateTenantRequest(request.params.tenant_id, request.body), outgoing(request, config));
      return dataBody(tenantJson(answer.tenant), requestIdOf(request));
    },
  );
};
