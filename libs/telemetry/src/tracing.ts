import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ensureProvider, shutdownProvider } from './tracer-provider.ts';

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`); `/v1/traces` is appended unless present. */
  otlpEndpoint?: string;
  /** Turns export off even when an endpoint is set (`OTEL_SDK_DISABLED`). */
  disabled?: boolean;
}

export interface Tracing {
  tracer: Tracer;
  /** Exports what is buffered, then unregisters the global provider. */
  shutdown(): Promise<void>;
}

function tracesUrl(endpoint: string): string {
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}

/**
 * Registers the global tracer provider. Spans are always real (sampled, with ids) even
 * with no endpoint or when disabled, because request correlation in logs and the
 * propagation of one trace id across gRPC and NATS rely on them; only export is optional.
 * Calling it again returns the same provider (adding export if it was not on yet).
 */
export function initTracing(options: TracingOptions): Tracing {
  const state = ensureProvider(options.serviceName);
  if (options.otlpEndpoint && !options.disabled && !state.exporting) {
    state.processors.add(new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) })));
    state.exporting = true;
  }
  return {
    tracer: trace.getTracer(options.serviceName),
    shutdown: () => shutdownProvider(state),
  };
}
