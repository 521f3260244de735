import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { planJson } from './catalog-json.ts';
import { Plan, PlanKeyParams } from './catalog-schemas.ts';
import { CATALOG_TAG } from './tag.ts';

export const getPlan: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/catalog/plans/:plan_key',
    {
      schema: {
        tags: [CATALOG_TAG],
        summary: 'Get Plan',
        description: 'One active public plan by its stable key `<service_slug>.<plan_slug>` or by id.',
        params: PlanKeyParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(Plan), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'services:read' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.catalog.getPlan({ keyOrId: request.params.plan_key }, outgoing(request, config));
      return dataBody(planJson(answer.plan), requestIdOf(request));
    },
  );
};
