import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { tenantJson } from './tenant-json.ts';
import { Tenant, TenantIdParams } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const getTenant: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/tenants/:tenant_id',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Get Tenant',
        description: 'Get a tenant by ID.',
        params: TenantIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(Tenant), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { resource: 'tenant', param: 'tenant_id' } },
    },
    async (request) => {
      const answer = await clients.tenants.getTenant({ id: request.params.tenant_id }, outgoing(request, config));
      return dataBody(tenantJson(answer.tenant), requestIdOf(request));
    },
  );
};
