export { createLogger, type LoggerOptions } from './logger.ts';
export { isSecretKey, REDACTED, redactSecrets } from './redaction.ts';
export { initTracing, type Tracing, type TracingOptions } from './tracing.ts';
export { currentTraceId, extractTraceContext, injectTraceHeaders, withSpan, type SpanOptions } from './spans.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export type { Logger } from 'pino';
export { SpanKind, type Context, type Span, type Tracer } from '@opentelemetry/api';
