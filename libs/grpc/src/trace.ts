import type * as grpc from '@grpc/grpc-js';
import { trace, type TextMapGetter, type TextMapSetter, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/**
 * The wire format is fixed by the contract (W3C `traceparent`/`tracestate`), so this
 * propagator is used directly rather than whatever global propagator an app registered.
 */
export const propagator = new W3CTraceContextPropagator();

export const metadataGetter: TextMapGetter<grpc.Metadata> = {
  keys: (metadata) => Object.keys(metadata.getMap()),
  get: (metadata, key) => {
    const values = metadata.get(key).filter((value): value is string => typeof value === 'string');
    return values.length > 0 ? values : undefined;
  },
};

export const metadataSetter: TextMapSetter<grpc.Metadata> = {
  set: (metadata, key, value) => metadata.set(key, value),
};

/** Looked up per call so a tracer provider registered after import is still used. */
export function tracer(): Tracer {
  return trace.getTracer('@scai/grpc');
}

/** OpenTelemetry RPC semantic-convention attributes for a method path. */
export function rpcAttributes(service: string, method: string): Record<string, string> {
  return { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method };
}

/** Statuses that mean the server failed (OTel RPC conventions); the rest are the caller's doing. */
export const SERVER_FAULT_STATUSES: ReadonlySet<number> = new Set([2, 4, 12, 13, 14, 15]);
