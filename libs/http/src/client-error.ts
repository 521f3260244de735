import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, errorEnvelope, newId } from '@scai/api';

/** Node's parser codes for a request too big to read, and the status that says so. */
const STATUS_OF_PARSER_ERROR: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_TOO_LONG: 414,
};

/**
 * Fastify's `clientErrorHandler`: a request Node could not even parse (headers over the
 * limit, a broken request line) never reaches a route, so the envelope is written
 * straight to the socket, then the connection closes — it cannot be reused.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = STATUS_OF_PARSER_ERROR[error.code ?? ''] ?? 400;
  const requestId = newId('request');
  const { body } = errorEnvelope(new AppError('bad_request', STATUS_CODES[status] ?? 'Bad Request'), requestId);
  const json = JSON.stringify(body);
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(json)}`,
      `X-Request-Id: ${requestId}`,
      'Cache-Control: no-store',
      'Connection: close',
      '',
      json,
    ].join('\r\n'),
  );
}
