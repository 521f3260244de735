import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { packSubscriptionJson } from './pack-subscription-json.ts';
import { PackSubscription, PackSubscriptionIdParams } from './pack-subscription-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const cancelPackSubscription: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/service-packs/subscriptions/:pack_subscription_id/cancel',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'Cancel Pack Subscription',
        description: 'Ends the pack and every child subscription at once (`pack_subscription.cancelled`).',
        params: PackSubscriptionIdParams,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: ref(PackSubscription), meta: Meta }), 400: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'subscriptions:manage', access: 'write' }, reach: { resource: 'pack_subscription', param: 'pack_subscription_id' } },
    },
    async (request) => {
      const answer = await clients.packSubscriptions.cancelPackSubscription({ id: request.params.pack_subscription_id }, outgoing(request, config));
      return dataBody(packSubscriptionJson(answer.packSubscription), requestIdOf(request));
    },
  );
};
