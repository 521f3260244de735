import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from './cloud-event.ts';
import type { CloudEvent } from './cloud-event.ts';
import { createHarness } from './test-support/harness.ts';
import type { Harness } from './test-support/harness.ts';
import { waitFor } from './testing.ts';

describe('trace continuity', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    // What an app's telemetry setup does; no global propagator is registered on purpose:
    // events carry W3C trace context regardless.
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  });
  afterAll(() => {
    trace.disable();
    context.disable();
    propagation.disable();
  });

  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
    exporter.reset();
  });
  afterEach(async () => {
    await h.tearDown();
  });

  it('runs the consumer in the trace that was active when the event was created', async () => {
    const handlerTraceIds: string[] = [];
    await h.bus.consume({
      durable: 'traced',
      filter: 'scai.partners.>',
      db: h.database.db,
      handler: async () => {
        handlerTraceIds.push(trace.getActiveSpan()?.spanContext().traceId ?? 'none');
      },
    });
    const relay = h.bus.startRelay(h.database.db, { intervalMs: 20 });

    const tracer = trace.getTracer('test');
    const request = await tracer.startActiveSpan('DELETE /partners/{id}', { kind: SpanKind.SERVER }, async (span) => {
      const event = createEvent({ source: '/apps/partners', type: 'scai.partners.partner.deleted', data: { id: 'prt_1' } });
      await h.database.db.$transaction((tx) => h.bus.add(tx, event));
      span.end();
      return { span: span.spanContext(), event };
    });
    relay.nudge();

    await waitFor(() => handlerTraceIds.length === 1);
    expect(request.event.traceparent).toBe(`00-${request.span.traceId}-${request.span.spanId}-01`);
    expect(handlerTraceIds).toEqual([request.span.traceId]);

    const consumerSpan = await waitFor(() => exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER));
    expect(consumerSpan.name).toBe('process scai.partners.partner.deleted');
    expect(consumerSpan.spanContext().traceId).toBe(request.span.traceId);
    expect(consumerSpan.parentSpanContext?.spanId).toBe(request.span.spanId);
    expect(consumerSpan.attributes['messaging.message.id']).toBe(request.event.id);
    expect(consumerSpan.attributes['messaging.consumer.group.name']).toBe('traced');
  });

  it('starts a new trace for an event created outside any span', async () => {
    const seen: CloudEvent[] = [];
    await h.bus.consume({
      durable: 'untraced',
      filter: 'scai.partners.>',
      db: h.database.db,
      handler: async (event) => {
        seen.push(event);
      },
    });
    const event = createEvent({ source: '/apps/partners', type: 'scai.partners.partner.deleted', data: {} });
    expect(event.traceparent).toBeUndefined();
    await h.bus.publishDirect(event);

    const consumerSpan = await waitFor(() => exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CONSUMER));
    expect(seen).toHaveLength(1);
    expect(consumerSpan.parentSpanContext).toBeUndefined();
  });
});
