import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds; from fast in-process answers to slow upstream calls. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  /** Labels: `method`, `route` (the route pattern, `unmatched` for unknown routes), `status_code`. */
  httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Labels: `side` (`server` | `client`), `method` (`/pkg.Service/Method`), `code` (gRPC status name). */
  grpcCallDuration: Histogram<'side' | 'method' | 'code'>;
  /** Labels: `type` (CloudEvents type). */
  eventsPublished: Counter<'type'>;
  /** Labels: `consumer`, `type`, `outcome` (`processed` | `duplicate` | `failed`). */
  eventsConsumed: Counter<'consumer' | 'type' | 'outcome'>;
}

/**
 * A registry of its own (not prom-client's global one, so tests and several servers in
 * one process do not collide) with Node's default metrics. Every series carries the
 * `service` label.
 */
export function createMetrics(serviceName: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route pattern, method and status',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    grpcCallDuration: new Histogram({
      name: 'grpc_call_duration_seconds',
      help: 'gRPC calls served and made, by method and status',
      labelNames: ['side', 'method', 'code'],
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events published to JetStream by the outbox relay',
      labelNames: ['type'],
      registers: [registry],
    }),
    eventsConsumed: new Counter({
      name: 'events_consumed_total',
      help: 'Events handled by durable consumers, by outcome',
      labelNames: ['consumer', 'type', 'outcome'],
      registers: [registry],
    }),
  };
}
