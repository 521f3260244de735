import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from '../partners/outgoing.ts';
import { planFieldsFromBody, planJson } from './catalog-json.ts';
import { Plan, PlanIdParams, PlanUpdate } from './catalog-schemas.ts';
import { ADMIN_CATALOG_TAG } from './tag.ts';

export const updatePlan: RouteModule = (app, { clients, config }) => {
  app.put(
    '/api/v1/admin/catalog/plans/:plan_id',
    {
      schema: {
        tags: [ADMIN_CATALOG_TAG],
        summary: 'Update Plan',
        description: 'Change a plan (platform admins). New terms make a new version; subscriptions keep the one they were sold at.',
        params: PlanIdParams,
        headers: AuthorizationHeader,
        body: ref(PlanUpdate),
        response: { 200: Type.Object({ data: ref(Plan), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:billing', access: 'write' }, reach: 'platform' },
    },
    async (request) => {
      const answer = await clients.catalog.updatePlan({ id: request.params.plan_id, fields: planFieldsFromBody(request.body) }, outgoing(request, config));
      return dataBody(planJson(answer.plan), requestIdOf(request));
    },
  );
};
