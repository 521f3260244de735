import { Type } from '@fastify/type-provider-typebox';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { PackIdParams } from '../catalog/catalog-schemas.ts';
import { ADMIN_SERVICE_PACKS_TAG } from './tag.ts';

export const adminDeleteServicePack: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/service-packs/:pack_id',
    {
      schema: {
        tags: [ADMIN_SERVICE_PACKS_TAG],
        summary: 'Admin Delete Service Pack',
        description: 'Retire a pack (platform admins): it leaves the shop window; what was sold with it stays readable.',
        params: PackIdParams,
        headers: AuthorizationHeader,
        response: { 204: Type.Null({ description: 'Retired' }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request, reply) => {
      await clients.servicePacks.deletePack({ id: request.params.pack_id }, outgoing(request, config));
      return reply.code(204).send(null);
    },
  );
};
