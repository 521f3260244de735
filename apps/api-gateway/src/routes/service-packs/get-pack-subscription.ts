import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { packSubscriptionJson } from './pack-subscription-json.ts';
import { PackSubscription, PackSubscriptionIdParams } from './pack-subscription-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const getPackSubscription: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/service-packs/subscriptions/:pack_subscription_id',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'Get Pack Subscription',
        description: 'One pack subscription within your reach, with its children.',
        params: PackSubscriptionIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(PackSubscription), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'subscriptions:read' }, reach: { resource: 'pack_subscription', param: 'pack_subscription_id' } },
    },
    async (request) => {
      const answer = await clients.packSubscriptions.getPackSubscription({ id: request.params.pack_subscription_id }, outgoing(request, config));
      return dataBody(packSubscriptionJson(answer.packSubscription), requestIdOf(request));
    },
  );
};
