import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { SpanKind, SpanStatusCode, context as otelContext, trace } from '@opentelemetry/api';
import { encodeCaller, type Caller } from '@scai/permissions';
import { currentCall } from './call-context.ts';
import { statusToAppError } from './errors.ts';
import { CALLER_KEY, REQUEST_ID_KEY, splitPath } from './metadata.ts';
import { channelServiceConfig } from './service-config.ts';
import { metadataSetter, propagator, rpcAttributes, tracer } from './trace.ts';

export const DEFAULT_DEADLINE_MS = 5_000;

/** Per-call settings of an outgoing call. */
export interface OutgoingCall {
  /** Sent as `x-scai-caller`; omit or null for a call without identity. */
  caller?: Caller | null;
  /** Default: the request id of the incoming call being handled, else a fresh one. */
  requestId?: string;
  /** Default DEFAULT_DEADLINE_MS. */
  deadlineMs?: number;
}

/** The 4-argument form of a unary method of a grpc-js client (the last ts-proto overload). */
export type UnaryClientMethod<Req, Res> = (
  request: Req,
  metadata: grpc.Metadata,
  options: Partial<grpc.CallOptions>,
  callback: (error: grpc.ServiceError | null, response: Res) => void,
) => grpc.ClientUnaryCall;

/** The unary methods of a ts-proto grpc-js client as `(request, outgoing?) => Promise<response>`. */
export type BoundClient<C> = {
  [K in keyof C as K extends keyof grpc.Client
    ? never
    : C[K] extends UnaryClientMethod<infer _Req, infer _Res>
      ? K
      : never]: C[K] extends UnaryClientMethod<infer Req, infer Res>
    ? (request: Req, outgoing?: OutgoingCall) => Promise<Res>
    : never;
};

type ClientConstructor<C> = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: Partial<grpc.ClientOptions>,
) => C;

const DEFAULT_CLIENT_OPTIONS: Partial<grpc.ClientOptions> = {
  // Notice a dead connection within ~40 s instead of at the next deadline.
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
};

/**
 * A client over an insecure channel (cluster-internal traffic) with keepalive, balancing
 * over every address of `address` and retrying reads on UNAVAILABLE (service-config.ts).
 */
export function createChannelClient<C>(
  Client: ClientConstructor<C>,
  address: string,
  options: Partial<grpc.ClientOptions> = {},
): C {
  const service = (Client as { service?: grpc.ServiceDefinition }).service;
  return new Client(address, grpc.credentials.createInsecure(), {
    ...DEFAULT_CLIENT_OPTIONS,
    'grpc.service_config': channelServiceConfig(service),
    ...options,
  });
}

/**
 * One unary call as a promise: caller, request id and trace context go in the metadata,
 * a deadline is always set, the call runs in a CLIENT span, and a failure rejects with
 * the server's AppError. `method` must be bound (`client.getPartner.bind(client)`);
 * `bindClient` does that for every method.
 */
export function callUnary<Req, Res>(
  method: UnaryClientMethod<Req, Res>,
  request: Req,
  outgoing: OutgoingCall = {},
): Promise<Res> {
  const path = (method as { path?: unknown }).path;
  return invoke(method, request, outgoing, typeof path === 'string' ? path : `/unknown/${method.name.replace(/^bound /, '')}`);
}

/** Every unary method of a ts-proto client as a promise-returning function (see callUnary). */
export function bindClient<C extends grpc.Client>(client: C): BoundClient<C> {
  const service = (client.constructor as { service?: grpc.ServiceDefinition }).service;
  if (!service) {
    throw new TypeError('bindClient needs a client class made by makeGenericClientConstructor (ts-proto grpc-js output)');
  }
  const bound: Record<string, (request: unknown, outgoing?: OutgoingCall) => Promise<unknown>> = {};
  for (const [name, definition] of Object.entries(service)) {
    if (definition.requestStream || definition.responseStream) continue;
    const method: UnaryClientMethod<unknown, unknown> = (request, metadata, options, callback) =>
      client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        metadata,
        options,
        callback,
      );
    bound[name] = (request, outgoing = {}) => invoke(method, request, outgoing, definition.path);
  }
  return bound as BoundClient<C>;
}

function invoke<Req, Res>(
  method: UnaryClientMethod<Req, Res>,
  request: Req,
  outgoing: OutgoingCall,
  path: string,
): Promise<Res> {
  const { service, method: methodName } = splitPath(path);
  const parent = otelContext.active();
  const span = tracer().startSpan(
    path.replace(/^\//, ''),
    { kind: SpanKind.CLIENT, attributes: rpcAttributes(service, methodName) },
    parent,
  );
  const metadata = new grpc.Metadata();
  metadata.set(REQUEST_ID_KEY, outgoing.requestId ?? currentCall()?.requestId ?? randomUUID());
  if (outgoing.caller) metadata.set(CALLER_KEY, encodeCaller(outgoing.caller));
  propagator.inject(trace.setSpan(parent, span), metadata, metadataSetter);
  const deadline = new Date(Date.now() + (outgoing.deadlineMs ?? DEFAULT_DEADLINE_MS));

  return new Promise<Res>((resolve, reject) => {
    try {
      method(request, metadata, { deadline }, (error, response) => {
        if (error) {
          const appError = statusToAppError(error);
          span.setAttribute('rpc.grpc.status_code', error.code);
          span.setStatus({ code: SpanStatusCode.ERROR, message: appError.code });
          span.end();
          reject(appError);
          return;
        }
        span.setAttribute('rpc.grpc.status_code', grpc.status.OK);
        span.end();
        resolve(response);
      });
    } catch (error) {
      // A programming error (unbound method, unserialisable request): not a remote failure.
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      reject(error);
    }
  });
}
