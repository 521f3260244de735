import { context, propagation, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Forwards to a list that can grow after the provider exists: the SDK 2.x provider takes
 * its processors once, at construction, but a test may add an in-memory exporter to the
 * provider an app already registered (and an app may add OTLP export later).
 */
class FanOutSpanProcessor implements SpanProcessor {
  private readonly processors: SpanProcessor[] = [];

  add(processor: SpanProcessor): void {
    this.processors.push(processor);
  }

  has(processor: SpanProcessor): boolean {
    return this.processors.includes(processor);
  }

  onStart(span: Span, parentContext: Context): void {
    for (const processor of this.processors) processor.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    for (const processor of this.processors) processor.onEnd(span);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.processors.map((processor) => processor.shutdown()));
  }
}

export interface ProviderState {
  provider: BasicTracerProvider;
  processors: FanOutSpanProcessor;
  serviceName: string;
  /** Whether an OTLP exporter is attached already (initTracing is idempotent). */
  exporting: boolean;
}

let state: ProviderState | undefined;

/**
 * The one process-wide tracer provider, created and registered globally on first use
 * together with the AsyncLocalStorage context manager and the W3C trace-context
 * propagator. The first caller's service name names the resource.
 */
export function ensureProvider(serviceName: string): ProviderState {
  if (state) return state;
  const processors = new FanOutSpanProcessor();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processors],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  state = { provider, processors, serviceName, exporting: false };
  return state;
}

/** Flushes and stops the provider and unregisters the globals, so tracing can start afresh. */
export async function shutdownProvider(owner: ProviderState): Promise<void> {
  if (state !== owner) return;
  state = undefined;
  // unregister first, so a new provider can be registered while this one still flushes
  trace.disable();
  propagation.disable();
  context.disable();
  await owner.provider.shutdown();
}
