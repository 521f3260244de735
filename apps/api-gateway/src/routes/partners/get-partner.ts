import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { partnerJson } from './partner-json.ts';
import { Partner, PartnerIdParams } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const getPartner: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/partners/:partner_id',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'Get Partner',
        description: 'Get a partner by ID.',
        params: PartnerIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(Partner), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:partners' }, reach: { resource: 'partner', param: 'partner_id' } },
    },
    async (request) => {
      const answer = await clients.partners.getPartner({ id: request.params.partner_id }, outgoing(request, config));
      return dataBody(partnerJson(answer.partner), requestIdOf(request));
    },
  );
};
