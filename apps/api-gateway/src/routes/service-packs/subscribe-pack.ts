import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import { IdempotentHeaders } from '../subscriptions/subscription-schemas.ts';
import type { RouteModule } from '../types.ts';
import { packSubscriptionJson } from './pack-subscription-json.ts';
import { PackSlugParams, PackSubscription } from './pack-subscription-schemas.ts';
import { SERVICE_PACKS_TAG } from './tag.ts';

export const subscribePack: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/service-packs/:slug/subscribe',
    {
      schema: {
        tags: [SERVICE_PACKS_TAG],
        summary: 'Subscribe to Service Pack',
        description:
          'Buy a pack for your tenant: one pack subscription at the pack price and one child subscription per item, in one transaction. Needs a complete billing profile and no live subscription to any of its services. Send an `Idempotency-Key` to retry safely.',
        params: PackSlugParams,
        headers: IdempotentHeaders,
        response: { 201: Type.Object({ data: ref(PackSubscription), meta: Meta }), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'subscriptions:manage', access: 'write' }, reach: 'own_tenant' },
    },
    async (request, reply) => {
      const answer = await clients.packSubscriptions.subscribePack(
        { slug: request.params.slug, idempotencyKey: request.headers['idempotency-key'] ?? '' },
        outgoing(request, config),
      );
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(dataBody(packSubscriptionJson(answer.packSubscription), requestIdOf(request)));
    },
  );
};
