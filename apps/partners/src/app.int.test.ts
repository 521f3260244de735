import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHealth } from '@scai/grpc';
import { startHarness, type Harness } from './testing/harness.ts';

describe('partners app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves gRPC health for both services', async () => {
    const address = `127.0.0.1:${h.app.grpcPort}`;
    for (const service of ['', 'partners', 'partners.v1.PartnersService', 'partners.v1.TenantsService']) {
      expect(await checkHealth(address, service)).toBe(true);
    }
  });

  it('serves /healthz, /readyz and /metrics on the ops port', async () => {
    const base = `http://127.0.0.1:${h.app.opsPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('service="partners"');
  });
});
