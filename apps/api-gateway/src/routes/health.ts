import { Type } from '@fastify/type-provider-typebox';
import type { RouteModule } from './types.ts';

const ServiceStatus = Type.Union([Type.Literal('serving'), Type.Literal('unavailable')]);

/** Public liveness of the platform: the gateway answers, and how each service is doing. */
export const health: RouteModule = (app, { probeServices }) => {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Platform Health',
        description: 'Liveness of the platform: the gateway is up; each service reports whether it is serving.',
        tags: ['Untagged'],
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            services: Type.Record(Type.String(), ServiceStatus),
          }),
        },
      },
      config: { auth: 'public', reach: 'none' },
    },
    async () => {
      const services = await probeServices();
      const status: 'ok' | 'degraded' = Object.values(services).every((s) => s === 'serving') ? 'ok' : 'degraded';
      return { status, services };
    },
  );
};

export const openApiDocument: RouteModule = (app) => {
  app.get(
    '/api/v1/openapi.json',
    {
      schema: {
        summary: 'OpenAPI Document',
        description: 'The OpenAPI 3.1 document of this whole surface.',
        tags: ['Untagged'],
      },
      config: { auth: 'public', reach: 'none' },
    },
    async () => app.swagger(),
  );
};
