import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { packSubscriptionJson } from './pack-subscription-json.ts';
import { PackSubscription, PackSubscriptionListQuery } from './pack-subscription-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const listPackSubscriptions: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/service-packs/subscriptions',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'List Pack Subscriptions',
        description: "Your tenant's pack subscriptions with their children, newest first.",
        querystring: PackSubscriptionListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(PackSubscription)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'subscriptions:read' }, reach: { collection: 'pack_subscription' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.packSubscriptions.listPackSubscriptions({ page: { page: page.page, pageSize: page.pageSize }, status: request.query.status ?? '' }, outgoing(request, config));
      return pagedBody(answer.packSubscriptions.map(packSubscriptionJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
