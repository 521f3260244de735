import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { planJson, tierFromBody } from './catalog-json.ts';
import { Plan, PlanIdParams, PricingTiersReplace } from './catalog-schemas.ts';
import { ADMIN_CATALOG_TAG } from './tag.ts';

export const replacePricingTiers: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/catalog/plans/:plan_id/pricing-tiers',
    {
      schema: {
        tags: [ADMIN_CATALOG_TAG],
        summary: 'Replace Pricing Tiers',
        description: 'Replace every usage-pricing tier of a plan (a new plan version). Per metric, tiers start at 0 and join up.',
        params: PlanIdParams,
        headers: AuthorizationHeader,
        body: ref(PricingTiersReplace),
        response: { 200: Type.Object({ data: ref(Plan), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.catalog.replacePricingTiers(
        { id: request.params.plan_id, pricingTiers: request.body.pricing_tiers.map(tierFromBody) },
        outgoing(request, config),
      );
      return dataBody(planJson(answer.plan), requestIdOf(request));
    },
  );
};
