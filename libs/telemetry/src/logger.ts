import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';
import { redactSecrets } from './redaction.ts';

export interface LoggerOptions {
  /** The service (or component) name, written as `name` on every line. */
  name: string;
  /** pino level; `info` unless given. */
  level?: string;
  /** Where lines go; stdout unless given (tests pass a stream to read them back). */
  destination?: DestinationStream;
}

/** `trace_id`/`span_id` of the active span, so a log line can be found from a trace and back. */
function traceFields(): Record<string, string> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const spanContext = span.spanContext();
  if (!isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/** JSON lines with ISO times, level names, trace ids and secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      name: options.name,
      level: options.level ?? 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Logged objects only: pino resets the bindings formatter for child loggers, so
        // bind ids, never secrets, with `logger.child()`.
        log: (object) => redactSecrets(object),
      },
      mixin: traceFields,
    },
    options.destination,
  );
}
