import type { FastifyRequest } from 'fastify';
import { requestIdOf } from '@scai/http';
import type { OutgoingCall } from '@scai/grpc';
import type { GatewayConfig } from '../../config.ts';

/** A public route's gRPC call: no caller (the status token is the requester's proof), request id and deadline. */
export function publicOutgoing(request: FastifyRequest, config: GatewayConfig): OutgoingCall {
  return { caller: null, requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS };
}
