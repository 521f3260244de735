import { errorEnvelope, notFound } from '@scai/api';
import type { Metrics } from '@scai/telemetry';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requestIdFor } from './request-id.ts';
import { recordRequestDuration } from './request-metrics.ts';
import { sendEnvelope, sendError } from './send-error.ts';
import { refuseBadUrl, refuseNonFiniteParameters, refuseUnstorableText } from './input-guard.ts';

export interface ErrorHandlingOptions {
  /** When given, every response is observed in `httpRequestDuration`. */
  metrics?: Pick<Metrics, 'httpRequestDuration'>;
}

/** Long enough to recognise a path, short enough to keep a scanner's junk out of bodies. */
const MAX_PATH_IN_MESSAGE = 200;

async function errorHandlingPlugin(app: FastifyInstance, options: ErrorHandlingOptions): Promise<void> {
  app.setGenReqId(requestIdFor);

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  app.addHook('onRequest', refuseBadUrl);
  app.addHook('preValidation', refuseUnstorableText);
  app.addHook('preHandler', refuseNonFiniteParameters);

  app.setErrorHandler(sendError);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0].slice(0, MAX_PATH_IN_MESSAGE);
    return sendEnvelope(reply, { ...errorEnvelope(notFound(`Route ${request.method} ${path}`), request.id), headers: {} });
  });

  if (options.metrics) recordRequestDuration(app, options.metrics.httpRequestDuration);
}

/**
 * Request ids, the error envelope for every failure, 404 for unknown routes, refusal of
 * URLs that do not decode, of text no store can keep (NUL, lone surrogates) and of
 * non-finite numbers, and, given
 * metrics, request durations. Wrapped with fastify-plugin because all of it must apply
 * to the whole server; register it first, before any route. Errors the router raises
 * before any plugin runs (malformed URL, over-long parameter) need `httpServerOptions()`.
 */
export const errorHandling = fp(errorHandlingPlugin, { name: '@scai/http/error-handling', fastify: '5.x' });
