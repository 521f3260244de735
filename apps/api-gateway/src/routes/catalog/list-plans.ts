import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { planJson } from './catalog-json.ts';
import { Plan } from './catalog-schemas.ts';
import { CATALOG_TAG } from './tag.ts';

const PlanQuery = Type.Object({
  service: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'A service slug.' })),
  tier: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});

export const listPlans: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/catalog/plans',
    {
      schema: {
        tags: [CATALOG_TAG],
        summary: 'List Plans',
        description: 'Active public plans, optionally of one service or tier.',
        querystring: PlanQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(Plan)), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'services:read' }, reach: 'platform' },
    },
    async (request) => {
      const { service, tier } = request.query;
      const answer = await clients.catalog.listPlans({ service, tier, includeHidden: false }, outgoing(request, config));
      return dataBody(answer.plans.map(planJson), requestIdOf(request));
    },
  );
};
