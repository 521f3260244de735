import { context, defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** W3C trace context as carried by an event (CloudEvents distributed-tracing extension). */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

// The W3C propagator is used directly rather than the global one: events always carry
// W3C `traceparent`, whatever propagators (or none) the app registered for its own wire.
const w3c = new W3CTraceContextPropagator();

/** The trace context of the active span, if any (empty when nothing is being traced). */
export function activeTraceHeaders(): TraceHeaders {
  const carrier: Record<string, string> = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  const out: TraceHeaders = {};
  if (carrier.traceparent) out.traceparent = carrier.traceparent;
  if (carrier.tracestate) out.tracestate = carrier.tracestate;
  return out;
}

/**
 * A context whose remote parent is the given trace context. Starts from the root so
 * that an event without one begins its own trace instead of joining whatever span
 * happened to be active when the consumer was started.
 */
export function contextFromTraceHeaders(headers: TraceHeaders): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}
