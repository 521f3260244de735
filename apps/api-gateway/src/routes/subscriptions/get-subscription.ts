import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { billableItemJson, subscriptionJson } from './subscription-json.ts';
import { BillableItem, Subscription, SubscriptionIdParams } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG, SUBSCRIPTIONS_TAG } from './tag.ts';

function getRoute(operationId: string, path: string, tag: string, asAdmin: boolean, scope: 'subscriptions:read' | 'admin:subscriptions'): RouteModule {
  const route: RouteModule = (app, { clients, config }) => {
    app.get(
      path,
      {
        schema: {
          tags: [tag],
          summary: asAdmin ? 'Get Subscription (admin)' : 'Get Subscription',
          description: 'One subscription within your reach.',
          params: SubscriptionIdParams,
          headers: AuthorizationHeader,
          response: { 200: Type.Object({ data: ref(Subscription), meta: Meta }), ...errorResponses },
        },
        config: { auth: { scope }, reach: { resource: 'subscription', param: 'subscription_id' } },
      },
      async (request) => {
        const answer = await clients.subscriptions.getSubscription({ id: request.params.subscription_id, asAdmin }, outgoing(request, config));
        return dataBody(subscriptionJson(answer.subscription), requestIdOf(request));
      },
    );
  };
  // The operationId is the route module's name (app.ts).
  return Object.defineProperty(route, 'name', { value: operationId });
}

export const getSubscription = getRoute('getSubscription', '/api/v1/subscriptions/:subscription_id', SUBSCRIPTIONS_TAG, false, 'subscriptions:read');
export const adminGetSubscription = getRoute('adminGetSubscription', '/api/v1/admin/subscriptions/:subscription_id', ADMIN_SUBSCRIPTIONS_TAG, true, 'admin:subscriptions');

export const listPendingItems: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/subscriptions/:subscription_id/pending-items',
    {
      schema: {
        tags: [SUBSCRIPTIONS_TAG],
        summary: 'List Pending Items',
        description: 'What the next invoice will carry for this subscription besides its period: proration credits (negative) and charges from plan changes.',
        params: SubscriptionIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(BillableItem)), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'subscriptions:read' }, reach: { resource: 'subscription', param: 'subscription_id' } },
    },
    async (request) => {
      const answer = await clients.subscriptions.listPendingItems({ subscriptionId: request.params.subscription_id, asAdmin: false }, outgoing(request, config));
      return dataBody(answer.items.map(billableItemJson), requestIdOf(request));
    },
  );
};
