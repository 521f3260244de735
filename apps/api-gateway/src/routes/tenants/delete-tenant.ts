import { Type } from '@fastify/type-provider-typebox';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { TenantIdParams } from './tenant-schemas.ts';
import { TENANTS_TAG } from './tag.ts';

export const deleteTenant: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/tenants/:tenant_id',
    {
      schema: {
        tags: [TENANTS_TAG],
        summary: 'Delete Tenant',
        description: 'Soft delete a tenant.',
        params: TenantIdParams,
        headers: AuthorizationHeader,
        response: { 204: Type.Null({ description: 'Successful Response' }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:tenants' }, reach: { resource: 'tenant', param: 'tenant_id' } },
    },
    async (request, reply) => {
      await clients.tenants.deleteTenant({ id: request.params.tenant_id }, outgoing(request, config));
      return reply.code(204).send(null);
    },
  );
};
