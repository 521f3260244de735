import type { FastifyRequest } from 'fastify';
import { requestIdOf } from '@scai/http';
import type { OutgoingCall } from '@scai/grpc';
import { callerOf } from '../../auth/authenticate.ts';
import type { GatewayConfig } from '../../config.ts';

/** Caller, request id and deadline of the gRPC call a partners or tenants route makes. */
export function outgoing(request: FastifyRequest, config: GatewayConfig): OutgoingCall {
  return { caller: callerOf(request), requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS };
}
