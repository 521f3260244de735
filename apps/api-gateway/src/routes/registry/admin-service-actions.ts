import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import { requestIdOf } from '@scai/http';
import type { provisioning } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { AuthorizationHeader, ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { registeredServiceJson } from './registered-service-json.ts';
import { ApproveBody, KeyedRegisteredService, SlugParams, SuspendBody } from './registry-schemas.ts';
import { ADMIN_REGISTRY_TAG } from './tag.ts';

interface ServiceActionSpec<B extends TSchema> {
  /** The operation's id in the document (a route module's function name elsewhere). */
  operationId: string;
  action: string;
  summary: string;
  description: string;
  body?: B;
  call: (clients: ServiceClients, slug: string, body: Static<B>, call: OutgoingCall) => Promise<{ service?: provisioning.v1.RegisteredService; key?: string }>;
}

/**
 * `POST /admin/registry/services/{slug}/<action>`: one administrative move of a registered
 * service, answered with the entry and, when the move issued one, its new key (shown once).
 */
function serviceAction<B extends TSchema>(spec: ServiceActionSpec<B>): RouteModule {
  const route: RouteModule = (app, { clients, config }) => {
    app.post(
      `/api/v1/admin/registry/services/:slug/${spec.action}`,
      {
        schema: {
          tags: [ADMIN_REGISTRY_TAG],
          summary: spec.summary,
          description: spec.description,
          params: SlugParams,
          headers: AuthorizationHeader,
          ...(spec.body ? { body: ref(spec.body) } : {}),
          response: { 200: Type.Object({ data: ref(KeyedRegisteredService), meta: Meta }), 400: ref(ErrorEnvelope), ...errorResponses },
        },
        config: { auth: { scope: 'admin:registry', access: 'write' }, reach: 'platform', bodyOptional: spec.body !== undefined },
      },
      async (request) => {
        const answer = await spec.call(clients, request.params.slug, (request.body ?? {}) as Static<B>, outgoing(request, config));
        return dataBody({ service: registeredServiceJson(answer.service), x_scaicontrol_key: answer.key ?? null }, requestIdOf(request));
      },
    );
  };
  return Object.defineProperty(route, 'name', { value: spec.operationId });
}

export const adminApproveService = serviceAction({
  operationId: 'adminApproveService',
  action: 'approve',
  summary: 'Approve Registered Service',
  description:
    'A service waiting for approval (or suspended) becomes active with a new `x_scaicontrol_key`, shown once. With `client_id` the service is re-bound to the application whose claim was refused.',
  body: ApproveBody,
  call: (clients, slug, body, call) => clients.registry.approveService({ slug, clientId: body.client_id }, call),
});

export const adminRotateServiceKey = serviceAction({
  operationId: 'adminRotateServiceKey',
  action: 'rotate-key',
  summary: 'Rotate Service Key',
  description: 'Issues a new `x_scaicontrol_key` (shown once); the previous one stops working at once.',
  call: (clients, slug, _body, call) => clients.registry.rotateServiceKey({ slug }, call),
});

export const adminSuspendService = serviceAction({
  operationId: 'adminSuspendService',
  action: 'suspend',
  summary: 'Suspend Registered Service',
  description: 'Its heartbeats are refused until an administrator approves it again.',
  body: SuspendBody,
  call: (clients, slug, body, call) => clients.registry.suspendService({ slug, reason: body.reason ?? '' }, call),
});
