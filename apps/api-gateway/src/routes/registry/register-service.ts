import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { GatewayApp, GatewayDeps, RouteModule } from '../types.ts';
import { registeredServiceJson, registrationToProto } from './registered-service-json.ts';
import { KeyedRegisteredService, RegistryHeaders, ServiceRegistration } from './registry-schemas.ts';
import { REGISTRY_TAG } from './tag.ts';

const keyed = Type.Object({ data: ref(KeyedRegisteredService), meta: Meta });

function registrationRoute(app: GatewayApp, { clients, config }: GatewayDeps, method: 'POST' | 'PUT') {
  app.route({
    method,
    url: '/api/v1/registry/register',
    schema: {
      tags: [REGISTRY_TAG],
      summary: method === 'POST' ? 'Register Service' : 'Update Service Registration',
      description:
        method === 'POST'
          ? 'Binds the calling SERVICE application (client_credentials, `registry:manage`) to the catalog service named by `slug`. A catalog service is approved at once and the answer carries its `x_scaicontrol_key`, shown once; any other waits for an administrator. A service bound to another application answers 409 (an administrator can re-bind it).'
          : 'Idempotent re-registration, e.g. at every start: updates the entry and records a version change. Registers the service when it was not yet (201).',
      headers: RegistryHeaders,
      body: ref(ServiceRegistration),
      response: { 200: keyed, 201: keyed, 409: ref(ErrorEnvelope), ...errorResponses },
    },
    config: { auth: { scope: 'registry:manage', access: 'write' }, reach: 'self' },
    handler: async (request, reply) => {
      const answer = await clients.registry.registerService(
        { registration: registrationToProto(request.body), key: request.headers['x-scaicontrol-key'] },
        outgoing(request, config),
      );
      const data = { service: registeredServiceJson(answer.service), x_scaicontrol_key: answer.key ?? null };
      return reply.code(answer.created ? 201 : 200).send(dataBody(data, requestIdOf(request)));
    },
  });
}

export const registerService: RouteModule = (app, deps) => registrationRoute(app, deps, 'POST');
export const reregisterService: RouteModule = (app, deps) => registrationRoute(app, deps, 'PUT');
