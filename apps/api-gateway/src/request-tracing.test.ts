import { describe, expect, it } from 'vitest';
import { currentTraceId, createLogger } from '@scai/telemetry';
import { startTestTracing } from '@scai/telemetry/testing';
import { buildGateway } from './app.ts';
import { loadGatewayConfig } from './config.ts';
import type { ServiceClients } from './clients.ts';
import type { RouteGroup } from './routes/types.ts';

const traceGroup: RouteGroup = {
  tag: 'Probe',
  schemas: [],
  routes: [(app) => app.get('/api/v1/probe/trace', { config: { auth: 'public' } }, async () => ({ trace_id: currentTraceId() ?? null }))],
};

describe('request tracing', () => {
  it('runs handlers inside a server span that continues the caller traceparent', async () => {
    const tracing = startTestTracing();
    const app = await buildGateway({
      config: loadGatewayConfig({}),
      clients: { close: () => undefined } as ServiceClients,
      logger: createLogger({ name: 'test', level: 'silent' }),
      verifyToken: async () => {
        throw new Error('no tokens here');
      },
      probeServices: async () => ({}),
      groups: [traceGroup],
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/probe/trace',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.json()).toEqual({ trace_id: traceId });
    const server = tracing.spans().find((span) => span.name === 'GET /api/v1/probe/trace');
    expect(server?.spanContext().traceId).toBe(traceId);
    const fresh = await app.inject({ method: 'GET', url: '/api/v1/probe/trace' });
    expect(fresh.json().trace_id).toMatch(/^[0-9a-f]{32}$/);
  });
});
