import { Type } from '@fastify/type-provider-typebox';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { PartnerIdParams } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const deletePartner: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/partners/:partner_id',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'Delete Partner',
        description: 'Soft delete a partner.',
        params: PartnerIdParams,
        headers: AuthorizationHeader,
        response: { 204: Type.Null({ description: 'Successful Response' }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:partners' }, reach: { resource: 'partner', param: 'partner_id' } },
    },
    async (request, reply) => {
      await clients.partners.deletePartner({ id: request.params.partner_id }, outgoing(request, config));
      return reply.code(204).send(null);
    },
  );
};
