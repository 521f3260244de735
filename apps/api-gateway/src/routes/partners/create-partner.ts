import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { createPartnerRequest, partnerJson } from './partner-json.ts';
import { Partner, PartnerCreate } from './partner-schemas.ts';
import { PARTNERS_TAG } from './tag.ts';

export const createPartner: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/partners/',
    {
      schema: {
        tags: [PARTNERS_TAG],
        summary: 'Create Partner',
        description: 'Create a new partner (platform admin only).',
        headers: AuthorizationHeader,
        // Inline, as the published reference shows it (a plain object).
        body: PartnerCreate,
        response: { 201: Type.Object({ data: ref(Partner), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:partners' }, reach: { collection: 'partner' } },
    },
    async (request, reply) => {
      const answer = await clients.partners.createPartner(createPartnerRequest(request.body), outgoing(request, config));
      return reply.code(201).send(dataBody(partnerJson(answer.partner), requestIdOf(request)));
    },
  );
};
