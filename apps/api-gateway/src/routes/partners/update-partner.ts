import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { partnerJson, updatePartnerRequest } from './partner-json.ts';
import { Partner, PartnerIdParams, PartnerUpdate } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const updatePartner: RouteModule = (app, { clients, config }) => {
  app.patch(
    '/api/v1/admin/partners/:partner_id',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'Update Partner',
        description: 'Update a partner.',
        params: PartnerIdParams,
        headers: AuthorizationHeader,
        // Inline, as the published reference shows it (a plain object).
        body: PartnerUpdate,
        response: { 200: Type.Object({ data: ref(Partner), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:partners' }, reach: { resource: 'partner', param: 'partner_id' } },
    },
    async (request) => {
      const answer = await clients.partners.updatePartner(updatePartnerRequest(request.params.partner_id, request.body), outgoing(request, config));
      return dataBody(partnerJson(answer.partner), requestIdOf(request));
    },
  );
};
