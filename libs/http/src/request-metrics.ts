import type { Metrics } from '@scai/telemetry';
import type { FastifyInstance } from 'fastify';

/** Route label of requests no route matched: one series, not one per scanned URL. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Observes every response by route pattern (never the raw URL), method and status. */
export function recordRequestDuration(app: FastifyInstance, histogram: Metrics['httpRequestDuration']): void {
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    histogram.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}
