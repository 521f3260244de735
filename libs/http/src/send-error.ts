import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorReply, type ErrorReply } from './error-reply.ts';

/**
 * Writes an envelope with the headers every error answer carries. The body goes out
 * pre-serialized: a route's response schema for the same status (e.g. the seeds'
 * `HTTPValidationError` for 422) would otherwise strip the envelope's `error` object.
 */
export function sendEnvelope(reply: FastifyReply, { status, body, headers }: Pick<ErrorReply, 'status' | 'body' | 'headers'>): FastifyReply {
  return reply
    .code(status)
    .headers(headers)
    .header('x-request-id', reply.request.id)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(body);
}

/**
 * Maps, logs and answers anything thrown while serving a request. Faults of ours are
 * logged with their stack at error level; the caller only sees the generic envelope.
 * `request.log` carries the request id (under `request_id` with `httpServerOptions()`).
 */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const mapped = errorReply(error, request, reply);
  if (mapped.internal) {
    request.log.error({ err: error, status: mapped.status }, 'request failed');
  } else {
    request.log.debug({ status: mapped.status, code: mapped.body.error.code }, 'request rejected');
  }
  return sendEnvelope(reply, mapped);
}
