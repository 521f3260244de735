import { createMetrics } from '@scai/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpsServer, type OpsServer } from './ops-server.ts';

let server: OpsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(ready: () => Promise<boolean>) {
  server = await createOpsServer({ serviceName: 'partners', host: '127.0.0.1', port: 0, ready, metrics: createMetrics('partners') });
  const base = `http://127.0.0.1:${server.port}`;
  return (path: string) => fetch(`${base}${path}`);
}

describe('createOpsServer', () => {
  it('serves healthz, readyz and metrics on a real port', async () => {
    const get = await start(async () => true);
    expect(server!.port).toBeGreaterThan(0);

    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total{service="partners"}');
  });

  it('answers 503 not_ready when the check says no or throws', async () => {
    let answer: boolean | Error = false;
    const get = await start(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    });
    const notReady = await get('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready' });

    answer = new Error('database down');
    const failing = await get('/readyz');
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({ status: 'not_ready' });
  });

  it('answers unknown paths with the envelope', async () => {
    const get = await start(async () => true);
    const response = await get('/nope');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ code: 'not_found', message: 'Route GET /nope not found' });
  });

  it('frees its port on close', async () => {
    await start(async () => true);
    const { port } = server!;
    await server!.close();
    server = undefined;
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
