import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { subscriptionJson } from './subscription-json.ts';
import { AdminSubscriptionCreate, IdempotentHeaders, Subscription, SubscriptionCreate } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG, SUBSCRIPTIONS_TAG } from './tag.ts';

const created = { 201: Type.Object({ data: ref(Subscription), meta: Meta }), 400: ref(ErrorEnvelope), 409: ref(ErrorEnvelope), ...errorResponses };

/** Marks an answer that is the stored first result of an earlier request with the same key. */
const REPLAYED_HEADER = 'idempotent-replayed';

export const createSubscription: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/subscriptions',
    {
      schema: {
        tags: [SUBSCRIPTIONS_TAG],
        summary: 'Create Subscription',
        description:
          "Subscribe your tenant to a plan (`trialing` for the plan's trial days, else `active`). Needs a complete billing profile (409 naming what is missing) and no other live subscription to the service (409: change its plan instead). Send an `Idempotency-Key` to retry safely.",
        headers: IdempotentHeaders,
        body: ref(SubscriptionCreate),
        response: created,
      },
      config: { auth: { scope: 'subscriptions:manage', access: 'write' }, reach: 'own_tenant' },
    },
    async (request, reply) => {
      const answer = await clients.subscriptions.createSubscription(
        { planKey: request.body.plan_key, asAdmin: false, tenantId: '', idempotencyKey: request.headers['idempotency-key'] ?? '' },
        outgoing(request, config),
      );
      if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
      return reply.code(201).send(dataBody(subscriptionJson(answer.subscription), requestIdOf(request)));
    },
  );
};

export const adminCreateSubscription: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/subscriptions',
    {
      schema: {
        tags: [ADMIN_SUBSCRIPTIONS_TAG],
        summary: 'Create Subscription (admin)',
        description: "Subscribe a tenant within your reach; hidden plans may be sold here. Same rules as `POST /subscriptions`, `Idempotency-Key` included.",
        headers: IdempotentHeaders,
        body: ref(AdminSubscriptionCreate),
        response: created,
      },
      config: { auth: { scope: 'admin:subscriptions', access: 'write' }, reach: { collection: 'subscription', ownerIn: 'body' } },
    },
    async (request, reply) => {
      const answer = await clients.subscriptions.createSubscription(
        { planKey: request.body.plan_key, asAdmin: true, tenantId: request.body.tenant_id, idempotencyKey: request.headers['idempotency-key'] ?? '' },
        outgoing(request, config),
      );
      if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
      return reply.code(201).send(dataBody(subscriptionJson(answer.subscription), requestIdOf(request)));
    },
  );
};
