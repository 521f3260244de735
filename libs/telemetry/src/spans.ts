import {
  context,
  isSpanContextValid,
  propagation,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';

const TRACER_NAME = '@scai/telemetry';

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Parent context (e.g. from `extractTraceContext`); the active context otherwise. */
  parent?: Context;
}

/**
 * Runs `fn` inside a new active span and ends it afterwards. A thrown error is recorded
 * on the span, which is marked as failed, and rethrown unchanged.
 */
export async function withSpan<T>(name: string, fn: (span: Span) => T | Promise<T>, options: SpanOptions = {}): Promise<T> {
  const tracer = trace.getTracer(TRACER_NAME);
  const parent = options.parent ?? context.active();
  return tracer.startActiveSpan(name, { kind: options.kind, attributes: options.attributes }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Writes `traceparent` (and `tracestate`) of the active or given context into `carrier`. */
export function injectTraceHeaders(carrier: Record<string, string> = {}, from: Context = context.active()): Record<string, string> {
  propagation.inject(from, carrier);
  return carrier;
}

/** The context a remote caller sent (`traceparent`/`tracestate`), to use as a span parent. */
export function extractTraceContext(carrier: Record<string, string | string[] | undefined>, base: Context = context.active()): Context {
  return propagation.extract(base, carrier);
}

/** Trace id of the active span, if any. */
export function currentTraceId(): string | undefined {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
