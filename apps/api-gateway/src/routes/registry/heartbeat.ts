import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { Meta, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { registeredServiceJson } from './registered-service-json.ts';
import { Heartbeat, HeartbeatAnswer, RegistryHeaders } from './registry-schemas.ts';
import { REGISTRY_TAG } from './tag.ts';

export const heartbeat: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/registry/heartbeat',
    {
      schema: {
        tags: [REGISTRY_TAG],
        summary: 'Service Heartbeat',
        description:
          'The service is alive: resets its missed heartbeats and sets its health to the reported `status` (degraded or unreachable → healthy). Silent for more than 3 intervals, it misses a heartbeat per minute: 3 misses → degraded, 10 → unreachable.',
        headers: RegistryHeaders,
        body: ref(Heartbeat),
        response: { 200: Type.Object({ data: ref(HeartbeatAnswer), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'registry:manage', access: 'write' }, reach: 'self' },
    },
    async (request) => {
      const { body } = request;
      const answer = await clients.registry.heartbeat(
        { slug: body.slug, status: body.status ?? 'healthy', version: body.version, uptimeSeconds: body.uptime_seconds, key: request.headers['x-scaicontrol-key'] },
        outgoing(request, config),
      );
      return dataBody({ service: registeredServiceJson(answer.service), next_heartbeat_in_seconds: answer.nextHeartbeatInSeconds }, requestIdOf(request));
    },
  );
};
