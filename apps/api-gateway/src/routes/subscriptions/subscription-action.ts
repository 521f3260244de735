import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import { requestIdOf } from '@scai/http';
import type { billing } from '@scai/proto';
import type { RouteAuth } from '../../auth/route-auth.ts';
import type { ServiceClients } from '../../clients.ts';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { subscriptionJson } from './subscription-json.ts';
import { Subscription, SubscriptionIdParams } from './subscription-schemas.ts';

export interface SubscriptionActionSpec<B extends TSchema> {
  /** The operation's id in the document (a route module's function name elsewhere). */
  operationId: string;
  /** `…/:subscription_id/<action>` */
  path: string;
  tag: string;
  summary: string;
  description: string;
  auth: RouteAuth;
  body?: B;
  /** The body's fields all have defaults: it may be left out. */
  bodyOptional?: boolean;
  call: (clients: ServiceClients, id: string, body: Static<B>, call: OutgoingCall) => Promise<{ subscription?: billing.v1.Subscription }>;
}

/**
 * A POST that moves one subscription (cancel, undo, change plan, suspend …) and answers
 * it: the id is reach-checked by the billing app (404 out of reach), a refused move is
 * 400, a conflict 409. Every such route is declared through here, so they all answer alike.
 */
export function subscriptionAction<B extends TSchema>(spec: SubscriptionActionSpec<B>): RouteModule {
  const route: RouteModule = (app, { clients, config }) => {
    app.post(
      spec.path,
      {
        schema: {
          tags: [spec.tag],
          summary: spec.summary,
          description: spec.description,
          params: SubscriptionIdParams,
          headers: AuthorizationHeader,
          ...(spec.body ? { body: ref(spec.body) } : {}),
          response: { 200: Type.Object({ data: ref(Subscription), meta: Meta }), 400: ref(ErrorEnvelope), 409: ref(ErrorEnvelope), ...errorResponses },
        },
        config: { auth: spec.auth, reach: { resource: 'subscription', param: 'subscription_id' }, bodyOptional: spec.bodyOptional === true },
      },
      async (request) => {
        const answer = await spec.call(clients, request.params.subscription_id, (request.body ?? {}) as Static<B>, outgoing(request, config));
        return dataBody(subscriptionJson(answer.subscription), requestIdOf(request));
      },
    );
  };
  return Object.defineProperty(route, 'name', { value: spec.operationId });
}
