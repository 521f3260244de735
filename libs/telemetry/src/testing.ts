import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ensureProvider } from './tracer-provider.ts';

export interface TestTracing {
  exporter: InMemorySpanExporter;
  /** Spans ended so far, oldest first. */
  spans(): ReadableSpan[];
  /** Forgets the spans recorded so far. */
  reset(): void;
}

let current: { tracing: TestTracing; processor: SimpleSpanProcessor } | undefined;

/**
 * Records every ended span in memory, on the same global provider `initTracing` uses
 * (creating it if needed), so a test can assert on spans made by the code under test.
 * Idempotent while that provider lives.
 */
export function startTestTracing(): TestTracing {
  const state = ensureProvider('test');
  if (current && state.processors.has(current.processor)) return current.tracing;
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  state.processors.add(processor);
  const tracing: TestTracing = {
    exporter,
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
  };
  current = { tracing, processor };
  return tracing;
}
