import type { GatewayApp } from './routes/types.ts';

/**
 * Kubernetes-style probes on the gateway's own port, outside the API surface (no
 * `config.auth`, hidden from the document): `/healthz` is liveness (the process
 * answers), `/readyz` whether it may take traffic (the token revocation view is loaded
 * and following NATS). `/api/v1/health` stays the public platform health.
 */
export function registerProbes(app: GatewayApp, ready: () => boolean): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const isReady = ready();
    return reply
      .code(isReady ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: isReady ? 'ready' : 'not_ready' });
  });
}
