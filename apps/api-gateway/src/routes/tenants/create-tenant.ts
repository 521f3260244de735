import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { createTenantRequest, tenantJson } from './tenant-json.ts';
import { Tenant, TenantCreate } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const createTenant: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/tenants',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Create Tenant',
        description: "Create a tenant under a partner (a partner admin: under its own partner). Respects the partner's max_tenants.",
        headers: AuthorizationHeader,
        body: ref(TenantCreate),
        response: { 201: Type.Object({ data: ref(Tenant), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { collection: 'tenant', ownerIn: 'body' } },
    },
    async (request, reply) => {
      const answer = await clients.tenants.createTenant(createTenantRequest(request.body), outgoing(request, config));
      return reply.code(201).send(dataBody(tenantJson(answer.tenant), requestIdOf(request)));
    },
  );
};
