// `npm run bench`: starts the platform as `npm start` does (own ports, databases and
// stream), then measures in one run:
//   1. GET /api/v1/admin/partners/{id} through the gateway (autocannon),
//   2. the same read straight to the partners app over gRPC,
//   3. admin logins per second through the gateway,
//   4. client_credentials grants per second at the platform token endpoint (a GLOBAL
//      SERVICE application, approved through the registration routes; Basic auth),
//   5. complete OIDC sign-ins per second of the admin console (authorize → sign-in page →
//      consent → callback → code exchange at /api/v1/auth/token), closed loop,
//   6. GET /api/v1/catalog/plans through the gateway (the billing app's catalog),
//   7. POST /api/v1/subscriptions with an Idempotency-Key (one buyer tenant per connection,
//      each purchase followed by an uncounted immediate cancel).
// 1. and 2. are warmed up first (BENCH_WARMUP_SECONDS, default 3, unmeasured), then run
// in alternating slices (BENCH_SLICES, default 5) so both see the same background load;
// the CPU each process spends per request is read from /proc alongside.
// Results go to bench/results/latest.json and are printed as a markdown table, with the
// gateway ÷ direct ratio of 1. and 2. on a line of its own.
// BENCH_ONLY=read runs 1. and 2. only, BENCH_ONLY=billing 6. and 7. only; BENCH_CPU_PROF=<dir> adds a run of 1. against a
// profiled gateway (not counted in the table) and prints its top self-time frames.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { startPlatform } from '@scai/platform';
import { measureAuthPaths } from './src/auth-paths.ts';
import { measureCatalogPaths } from './src/catalog-paths.ts';
import { profileGateway } from './src/gateway-profile.ts';
import type { LoadShape } from './src/http-load.ts';
import type { LoadResult } from './src/measure-grpc.ts';
import { measureReadPaths, readPaths } from './src/read-paths.ts';
import { measureSubscriptionPaths } from './src/subscription-paths.ts';
import { cpuTable, profileTable, ratioLine, resultTable } from './src/report.ts';

const shape: LoadShape = {
  durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 20),
};
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const SLICES = Math.max(1, Number(process.env.BENCH_SLICES ?? 5));
const ONLY_READ = process.env.BENCH_ONLY === 'read';
const ONLY_BILLING = process.env.BENCH_ONLY === 'billing';
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

const suffix = Math.random().toString(36).slice(2, 8);
const stream = `BENCH_${suffix.toUpperCase()}`;
const databasePrefix = `bench_${suffix}_`;
const platform = await startPlatform({
  portOffset: 3000,
  databasePrefix,
  env: {
    EVENTS_STREAM: stream,
    EVENTS_SUBJECT_PREFIX: `bench_${suffix}`,
    SCAI_ADMIN_EMAIL: 'bench@bench.test',
    SCAI_ADMIN_PASSWORD: 'bench-Password-123',
    LOG_LEVEL: 'warn',
  },
  log: 'quiet',
  dropDatabasesOnStop: true,
  deleteStreamOnStop: true,
});

try {
  const login = await fetch(`${platform.gatewayUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: platform.adminEmail, password: platform.adminPassword }),
  });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const created = await fetch(`${platform.gatewayUrl}/api/v1/admin/partners/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'Bench Partner', slug: `bench-${suffix}`, contact_email: 'ops@bench.test' }),
  });
  const partnerId = ((await created.json()) as { data: { id: string } }).data.id;

  const reads = ONLY_BILLING ? undefined : await measureReadPaths(platform, { token, partnerId, stream, databasePrefix, shape, warmUpSeconds: WARM_UP_SECONDS, slices: SLICES });
  const profiled = PROFILE_DIR
    ? await profileGateway(platform, PROFILE_DIR, () => readPaths(platform, token, partnerId).throughGateway(shape))
    : undefined;
  const authPaths = ONLY_READ || ONLY_BILLING ? undefined : await measureAuthPaths(platform, token, shape);
  const catalogPaths = ONLY_READ ? undefined : await measureCatalogPaths(platform, token, shape);
  const subscriptionPaths = ONLY_READ ? undefined : await measureSubscriptionPaths(platform, token, shape);

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const gatewayProfile = profiled && { file: profiled.file, window: profiled.window, requestsPerSecond: profiled.result.requestsPerSecond, ...profiled.summary };
  const results = { date: new Date().toISOString(), machine, ...shape, slices: SLICES, ...reads, ...authPaths, catalog: catalogPaths, subscriptions: subscriptionPaths, gatewayProfile };
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

  const rows: Array<[string, LoadResult]> = [];
  if (reads) rows.push(['GET /api/v1/admin/partners/{id} via gateway', reads.gateway], ['PartnersService.GetPartner direct gRPC', reads.direct]);
  if (authPaths) {
    rows.push(
      ['POST /api/v1/admin/auth/login via gateway', authPaths.logins],
      ['POST /api/v1/platform/oauth/token client_credentials via gateway', authPaths.clientCredentials],
      ['OIDC sign-in of the console (authorize → page → consent → /auth/token)', authPaths.signIns],
    );
  }
  if (catalogPaths) rows.push(['GET /api/v1/catalog/plans via gateway (billing)', catalogPaths.plans]);
  if (subscriptionPaths) rows.push(['POST /api/v1/subscriptions with Idempotency-Key via gateway (billing)', subscriptionPaths.subscribe]);
  console.log(`Machine: ${machine}; ${shape.connections} connections, ${shape.durationSeconds} s each (1. and 2. in ${SLICES} alternating slices)`);
  for (const line of resultTable(rows)) console.log(line);
  if (reads) {
    console.log(ratioLine(reads.ratio));
    console.log('');
    for (const line of cpuTable(reads.cpuMsPerRequest)) console.log(line);
    console.log(`idle CPU ms per second: ${Object.entries(reads.idleCpuMsPerSecond).map(([name, ms]) => `${name} ${ms}`).join(', ')}`);
  }
  if (profiled) {
    console.log(`\nGateway under the CPU profiler (${profiled.result.requestsPerSecond} req/s while profiled), ${profiled.file}:`);
    for (const line of profileTable(profiled.summary)) console.log(line);
  }
} finally {
  await platform.stop();
  await platform.dropDatabases();
}
