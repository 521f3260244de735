import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { planFieldsFromBody, planJson, tierFromBody } from './catalog-json.ts';
import { Plan, PlanCreate } from './catalog-schemas.ts';
import { ADMIN_CATALOG_TAG } from './tag.ts';

export const createPlan: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/catalog/plans',
    {
      schema: {
        tags: [ADMIN_CATALOG_TAG],
        summary: 'Create Plan',
        description: 'Add a plan to a service (platform admins). Its key is `<service_slug>.<slug>`.',
        headers: AuthorizationHeader,
        body: ref(PlanCreate),
        response: { 201: Type.Object({ data: ref(Plan), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request, reply) => {
      const { service_id: serviceId, slug, pricing_tiers: tiers = [] } = request.body;
      const answer = await clients.catalog.createPlan(
        { serviceId, slug, fields: planFieldsFromBody(request.body), pricingTiers: tiers.map(tierFromBody) },
        outgoing(request, config),
      );
      return reply.code(201).send(dataBody(planJson(answer.plan), requestIdOf(request)));
    },
  );
};
