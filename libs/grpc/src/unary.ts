import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type * as grpc from '@grpc/grpc-js';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context as otelContext, trace } from '@opentelemetry/api';
import { GrpcStatus } from '@scai/api';
import { decodeCaller } from '@scai/permissions';
import { pino, type Logger } from 'pino';
import { runInCall, type CallContext } from './call-context.ts';
import { errorToStatus } from './errors.ts';
import { CALLER_KEY, REQUEST_ID_KEY, readMetadata, splitPath } from './metadata.ts';
import { SERVER_FAULT_STATUSES, metadataGetter, propagator, rpcAttributes, tracer } from './trace.ts';

export type UnaryHandler<Req, Res> = (request: Req, context: CallContext) => Promise<Res>;

/** Loggers of the servers handling calls; set by `GrpcServer.add` before the handler runs. */
const callLoggers = new WeakMap<object, Logger>();
const silentLogger = pino({ level: 'silent' });

export function attachLogger(call: object, logger: Logger): void {
  callLoggers.set(call, logger);
}

/** Printable ASCII without spaces, bounded: anything else is replaced by a fresh id. */
const REQUEST_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * A grpc-js unary handler from an async function: reads caller, request id and trace
 * context from the metadata, runs the function in a SERVER span, maps a thrown AppError to
 * its status and error metadata (anything else to INTERNAL with a generic message), and
 * logs one line per call.
 */
export function unary<Req, Res>(handler: UnaryHandler<Req, Res>): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const started = performance.now();
    const path = call.getPath();
    const { service, method } = splitPath(path);
    const incomingId = readMetadata(call.metadata, REQUEST_ID_KEY);
    const requestId = incomingId && REQUEST_ID_PATTERN.test(incomingId) ? incomingId : randomUUID();
    const encodedCaller = readMetadata(call.metadata, CALLER_KEY);
    const caller = encodedCaller ? decodeCaller(encodedCaller) : null;
    const logger = (callLoggers.get(call) ?? silentLogger).child({ requestId, rpc: path });

    const parent = propagator.extract(ROOT_CONTEXT, call.metadata, metadataGetter);
    const span = tracer().startSpan(
      path.replace(/^\//, ''),
      { kind: SpanKind.SERVER, attributes: rpcAttributes(service, method) },
      parent,
    );
    const abort = new AbortController();
    call.once('cancelled', () => abort.abort(new Error('call cancelled')));
    const callContext: CallContext = { caller, requestId, metadata: call.metadata, logger, signal: abort.signal };

    const finished = (grpcCode: number, extra: Record<string, unknown>) => {
      span.setAttribute('rpc.grpc.status_code', grpcCode);
      span.end();
      return { grpcCode, durationMs: Math.round((performance.now() - started) * 10) / 10, subject: caller?.subject, ...extra };
    };

    // The client gave up (deadline, cancel): nobody reads an answer, and failures caused by
    // the aborted signal are not server errors.
    const abandoned = () => {
      if (!call.cancelled) return false;
      logger.info(finished(GrpcStatus.CANCELLED, {}), 'grpc call cancelled');
      return true;
    };

    otelContext
      .with(trace.setSpan(parent, span), () => runInCall(callContext, async () => handler(call.request, callContext)))
      .then(
        (response) => {
          if (abandoned()) return;
          logger.info(finished(0, {}), 'grpc call');
          callback(null, response);
        },
        (error: unknown) => {
          if (abandoned()) return;
          const status = errorToStatus(error);
          if (status.unexpected) {
            span.recordException(error instanceof Error ? error : String(error));
          }
          if (status.unexpected || SERVER_FAULT_STATUSES.has(status.code)) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: status.appError.code });
          }
          const line = finished(status.code, { errorCode: status.appError.code });
          if (status.unexpected) logger.error({ ...line, err: error }, 'grpc call failed');
          else logger.info(line, 'grpc call');
          callback({ code: status.code, details: status.details, metadata: status.metadata });
        },
      );
  };
}
