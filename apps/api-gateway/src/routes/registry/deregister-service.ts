import { Type } from '@fastify/type-provider-typebox';
import { ErrorEnvelope, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { Deregistration, RegistryHeaders } from './registry-schemas.ts';
import { REGISTRY_TAG } from './tag.ts';

export const deregisterService: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/registry/register',
    {
      schema: {
        tags: [REGISTRY_TAG],
        summary: 'Deregister Service',
        description: 'The calling application leaves the service; its key stops working and the slug is free to bind again. Refused (409, `details.live_subscriptions`) while any tenant has a live subscription to it.',
        headers: RegistryHeaders,
        body: ref(Deregistration),
        response: { 204: Type.Null(), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'registry:manage', access: 'write' }, reach: 'self' },
    },
    async (request, reply) => {
      await clients.registry.deregister(
        { slug: request.body.slug, reason: request.body.reason ?? '', key: request.headers['x-scaicontrol-key'] },
        outgoing(request, config),
      );
      return reply.code(204).send(null);
    },
  );
};
