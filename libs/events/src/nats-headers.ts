import { headers } from '@nats-io/transport-node';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { TraceHeaders } from './trace-context.ts';

/** Headers of a published event: structured-mode content type plus the trace context. */
export function eventHeaders(trace: TraceHeaders | null): MsgHdrs {
  const h = headers();
  h.set('content-type', 'application/cloudevents+json');
  if (trace?.traceparent) h.set('traceparent', trace.traceparent);
  if (trace?.tracestate) h.set('tracestate', trace.tracestate);
  return h;
}

/** The trace context a message carries (empty header values count as absent). */
export function traceFromHeaders(h: MsgHdrs | undefined): TraceHeaders {
  const out: TraceHeaders = {};
  const traceparent = h?.get('traceparent');
  const tracestate = h?.get('tracestate');
  if (traceparent) out.traceparent = traceparent;
  if (tracestate) out.tracestate = tracestate;
  return out;
}
