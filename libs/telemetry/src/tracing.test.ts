import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { currentTraceId, withSpan } from './spans.ts';
import { startTestTracing } from './testing.ts';
import { initTracing } from './tracing.ts';

describe('initTracing', () => {
  it('creates real spans without an endpoint, is idempotent, and shuts down cleanly', async () => {
    const first = initTracing({ serviceName: 'svc-a' });
    const second = initTracing({ serviceName: 'svc-a', disabled: true });
    const traceId = await withSpan('work', () => currentTraceId());
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    first.tracer.startSpan('direct').end();
    await second.shutdown();
    await first.shutdown();
    // after shutdown the API is back to no-op: spans have no valid ids
    expect(await withSpan('after', () => currentTraceId())).toBeUndefined();
  });

  it('exports over OTLP/HTTP when an endpoint is set (buffered, flushed on shutdown)', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    try {
      const tracing = initTracing({ serviceName: 'svc-b', otlpEndpoint: `http://127.0.0.1:${port}/` });
      await withSpan('exported-span', () => undefined);
      expect(received).toEqual([]);
      await tracing.shutdown();
      expect(received).toHaveLength(1);
      expect(received[0].path).toBe('/v1/traces');
      expect(received[0].body).toContain('exported-span');
      expect(received[0].body).toContain('svc-b');
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });

  it('shares its provider with startTestTracing', async () => {
    const tracing = initTracing({ serviceName: 'svc-c' });
    const recorder = startTestTracing();
    expect(startTestTracing()).toBe(recorder);
    await withSpan('seen', () => undefined);
    trace.getTracer('other').startSpan('also-seen').end();
    expect(recorder.spans().map((span) => span.name)).toEqual(['seen', 'also-seen']);
    expect(recorder.spans()[0].resource.attributes['service.name']).toBe('svc-c');
    await tracing.shutdown();
  });
});
