import { afterEach, describe, expect, it } from 'vitest';
import { currentTraceId } from '@scai/telemetry';
import { startTestTracing } from '@scai/telemetry/testing';
import type { RouteGroup } from './routes/types.ts';
import { closeTestGateways, testGateway } from './routes/testing/test-gateway.ts';

const traceGroup: RouteGroup = {
  tag: 'Probe',
  schemas: [],
  routes: [(app) => app.get('/api/v1/probe/trace', { config: { auth: 'public' } }, async () => ({ trace_id: currentTraceId() ?? null }))],
};

afterEach(closeTestGateways);

describe('request tracing', () => {
  it('runs handlers inside a server span that continues the caller traceparent', async () => {
    const tracing = startTestTracing();
    const app = await testGateway({ groups: [traceGroup] });
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
