import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentTraceId, extractTraceContext, injectTraceHeaders, withSpan } from './spans.ts';
import { startTestTracing } from './testing.ts';

const tracing = startTestTracing();
beforeEach(() => tracing.reset());

describe('withSpan', () => {
  it('runs fn in an active span and ends it', async () => {
    const result = await withSpan('outer', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTraceId();
    }, { kind: SpanKind.SERVER, attributes: { 'scai.partner_id': 'prt_1' } });
    const [span] = tracing.spans();
    expect(span.name).toBe('outer');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.attributes['scai.partner_id']).toBe('prt_1');
    expect(result).toBe(span.spanContext().traceId);
    expect(currentTraceId()).toBeUndefined();
  });

  it('nests children under the active span', async () => {
    await withSpan('parent', () => withSpan('child', () => undefined));
    const [child, parent] = tracing.spans();
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('records a thrown error, marks the span failed and rethrows', async () => {
    const boom = new Error('boom');
    await expect(withSpan('fails', () => { throw boom; })).rejects.toBe(boom);
    const [span] = tracing.spans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.map((event) => event.name)).toContain('exception');
  });
});

describe('propagation', () => {
  it('carries one trace id through headers to a remote parent', async () => {
    const headers = await withSpan('client', () => injectTraceHeaders({}));
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const clientSpan = tracing.spans()[0];

    const parent = extractTraceContext(headers, context.active());
    const serverTraceId = await withSpan('server', () => currentTraceId(), { parent, kind: SpanKind.SERVER });
    const serverSpan = tracing.spans()[1];
    expect(serverTraceId).toBe(clientSpan.spanContext().traceId);
    expect(serverSpan.parentSpanContext?.spanId).toBe(clientSpan.spanContext().spanId);
  });

  it('injects nothing without an active span and extracts nothing from empty headers', () => {
    expect(injectTraceHeaders({})).toEqual({});
    const extracted = extractTraceContext({});
    expect(context.with(extracted, () => currentTraceId())).toBeUndefined();
  });

  it('ignores a malformed traceparent', async () => {
    const parent = extractTraceContext({ traceparent: 'not-a-trace' });
    const traceId = await withSpan('fresh', () => currentTraceId(), { parent });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(tracing.spans()[0].parentSpanContext).toBeUndefined();
  });
});
