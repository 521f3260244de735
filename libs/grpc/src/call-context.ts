import { AsyncLocalStorage } from 'node:async_hooks';
import type * as grpc from '@grpc/grpc-js';
import { unauthorized } from '@scai/api';
import type { Caller } from '@scai/permissions';
import type { Logger } from 'pino';

/** What a handler wrapped by `unary` gets besides the request. */
export interface CallContext {
  /** Decoded `x-scai-caller`; null when the call carries no (valid) identity. */
  caller: Caller | null;
  /** `x-request-id` of the call, or a fresh one when it came without. */
  requestId: string;
  metadata: grpc.Metadata;
  /** The server's logger bound to `requestId` and the method. */
  logger: Logger;
  /** Aborted when the client cancels the call or its deadline passes. */
  signal: AbortSignal;
}

const scope = new AsyncLocalStorage<CallContext>();

/** Runs `fn` as part of an incoming call: outgoing calls made inside reuse its request id. */
export function runInCall<T>(context: CallContext, fn: () => T): T {
  return scope.run(context, fn);
}

/** The incoming call being handled, if any (for code far from the handler, e.g. logging). */
export function currentCall(): CallContext | undefined {
  return scope.getStore();
}

/** The caller of the call, or AppError `unauthorized` when it came without one. */
export function requireCaller(context: CallContext): Caller {
  if (!context.caller) throw unauthorized();
  return context.caller;
}
