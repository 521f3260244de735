import type { AddressInfo } from 'node:net';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { Registry } from 'prom-client';
import { errorHandling } from './error-handling.ts';
import { httpServerOptions } from './server-options.ts';

export interface OpsServerOptions {
  serviceName: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Whether the service can take traffic (database reachable, consumers running…); a throw counts as not ready. */
  ready: () => Promise<boolean>;
  metrics: { registry: Registry };
  /** Logs failures of the ops endpoints themselves; silent when absent. */
  logger?: FastifyBaseLogger;
}

export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The operations port of a service, apart from its traffic: `GET /healthz` (the process
 * answers), `GET /readyz` (200 ready / 503 not ready) and `GET /metrics` (Prometheus).
 */
export async function createOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const app = Fastify({
    ...httpServerOptions(),
    loggerInstance: options.logger?.child({ component: 'ops', service: options.serviceName }),
    // probes and scrapes every few seconds would drown the service's own request lines
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
  });
  await app.register(errorHandling);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const ready = await options.ready().catch((error: unknown) => {
      request.log.warn({ err: error }, 'readiness check failed');
      return false;
    });
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ status: ready ? 'ready' : 'not_ready' });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await options.metrics.registry.metrics();
    return reply.type(options.metrics.registry.contentType).header('cache-control', 'no-store').send(text);
  });

  await app.listen({ host: options.host, port: options.port });
  return {
    port: (app.server.address() as AddressInfo).port,
    close: () => app.close(),
  };
}
