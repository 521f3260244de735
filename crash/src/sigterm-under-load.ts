import { SYSTEM_CALLER } from '@scai/permissions';
import { expect } from 'vitest';
import { unique, type CrashPlatform } from './crash-platform.ts';
import { freePort } from './free-port.ts';

const WORKERS = 8;

async function adminToken(ctx: CrashPlatform): Promise<string> {
  const response = await fetch(`${ctx.platform.gatewayUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ctx.platform.adminEmail, password: ctx.platform.adminPassword }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`login answered ${response.status}`);
  return body.access_token;
}

/** Callers of the gateway that keep asking for one partner until told to stop; every answer is kept. */
function startLoad(url: string, token: string): { statuses: number[]; stop(): Promise<void> } {
  const statuses: number[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
      statuses.push(response?.status ?? 0);
      await response?.body?.cancel();
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(workers);
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM one of two partners instances while the gateway's callers read a partner at
 * full speed: none of them sees a failure (in-flight calls finish on the instance going
 * away, new ones go to, or are retried on, the other). With both instances gone the
 * gateway answers 503 in the error envelope, well within its call deadline.
 */
export async function sigtermUnderLoad(ctx: CrashPlatform): Promise<void> {
  const { platform } = ctx;
  const first = platform.apps.envOf('partners');
  const second = { GRPC_PORT: String(await freePort()), OPS_PORT: String(await freePort()) };
  await platform.apps.start('partners-2', { app: 'partners', env: second });
  // The gateway learns both addresses the standard way: one target, several addresses.
  await platform.apps.kill('api-gateway', 'SIGTERM');
  await platform.apps.start('api-gateway', {
    env: { PARTNERS_GRPC_URL: `ipv4:127.0.0.1:${first.GRPC_PORT},127.0.0.1:${second.GRPC_PORT}` },
  });

  const slug = unique('prt');
  const created = await ctx.partnersGrpc.createPartner({ name: `Partner ${slug}`, slug, contactEmail: `${slug}@crash.test` }, { caller: SYSTEM_CALLER });
  const url = `${platform.gatewayUrl}/api/v1/admin/partners/${created.partner?.id ?? ''}`;
  const token = await adminToken(ctx);

  const load = startLoad(url, token);
  await pause(1_500);
  const beforeTerm = load.statuses.length;
  const exit = await platform.apps.kill('partners', 'SIGTERM');
  const atExit = load.statuses.length;
  await pause(1_500);
  await load.stop();

  expect(exit).toEqual({ code: 0, signal: null });
  expect(beforeTerm).toBeGreaterThan(0);
  // Requests really ran while the instance shut down and after it was gone.
  expect(load.statuses.length).toBeGreaterThan(atExit);
  expect(load.statuses.filter((status) => status !== 200)).toEqual([]);

  await platform.apps.kill('partners-2', 'SIGTERM');
  const startedAt = Date.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const elapsedMs = Date.now() - startedAt;
  expect(response.status).toBe(503);
  expect(((await response.json()) as { error?: { code?: string } }).error?.code).toBe('unavailable');
  // Not a deadline running out (5 s): nothing left to ask, so the answer comes at once.
  expect(elapsedMs).toBeLessThan(5_000);
}
