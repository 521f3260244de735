import type { IncomingMessage } from 'node:http';
import { newId } from '@scai/api';
import type { FastifyRequest } from 'fastify';

/** A caller's id is kept only if it is a short plain token: it goes into logs and headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:~+=/-]{0,127}$/;

/** `genReqId`: the caller's `x-request-id` when sane, else a new `req_…` id. */
export function requestIdFor(raw: IncomingMessage): string {
  const header = raw.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : newId('request');
}

/** The request id (echoed in `x-request-id`, written into every envelope and log line). */
export function requestIdOf(request: FastifyRequest): string {
  return request.id;
}
