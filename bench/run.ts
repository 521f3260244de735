// `npm run bench`: starts the platform as `npm start` does (own ports, databases and
// stream), then measures in one run:
//   1. GET /api/v1/admin/partners/{id} through the gateway (autocannon),
//   2. the same read straight to the partners app over gRPC,
//   3. admin logins per second through the gateway,
//   4. client_credentials grants per second at the platform token endpoint (a GLOBAL
//      SERVICE application, approved through the registration routes; Basic auth),
//   5. complete OIDC sign-ins per second of the admin console (authorize → sign-in page →
//      consent → callback → code exchange at /api/v1/auth/token), closed loop.
// Results go to bench/results/latest.json and are printed as a markdown table.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';
import { startPlatform } from '@scai/platform';
import { measureCalls, type LoadResult } from './src/measure-grpc.ts';
import { signInOnce } from './src/oidc-sign-in.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

function fromAutocannon(result: autocannon.Result): LoadResult {
  return {
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  };
}

async function http(url: string, options: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options });
  return fromAutocannon(result);
}

const suffix = Math.random().toString(36).slice(2, 8);
const platform = await startPlatform({
  portOffset: 3000,
  databasePrefix: `bench_${suffix}_`,
  env: {
    EVENTS_STREAM: `BENCH_${suffix.toUpperCase()}`,
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

  const gateway = await http(`${platform.gatewayUrl}/api/v1/admin/partners/${partnerId}`, {
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
  });

  const client = bindClient(createChannelClient(partners.v1.PartnersServiceClient, `127.0.0.1:${platform.appEnv.partners.GRPC_PORT}`));
  const direct = await measureCalls(() => client.getPartner({ id: partnerId }, { caller: SYSTEM_CALLER }), {
    connections: CONNECTIONS,
    durationSeconds: DURATION,
  });

  const logins = await http(`${platform.gatewayUrl}/api/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: platform.adminEmail, password: platform.adminPassword }),
  });

  // A GLOBAL SERVICE application, filed and approved as an admin would.
  const filed = await fetch(`${platform.gatewayUrl}/api/v1/admin/registration-requests/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ scope: 'GLOBAL', name: 'Bench service', application_type: 'SERVICE', contact_email: 'ops@bench.test', requested_scopes: ['services:read'] }),
  });
  const requestId = ((await filed.json()) as { data: { id: string } }).data.id;
  const approval = await fetch(`${platform.gatewayUrl}/api/v1/admin/registration-requests/${requestId}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  const service = ((await approval.json()) as { data: { client_id: string; client_secret: string } }).data;
  const clientCredentials = await http(`${platform.gatewayUrl}/api/v1/platform/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${service.client_id}:${service.client_secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });

  const consoleSettings = (await (await fetch(`${platform.gatewayUrl}/api/v1/auth/config`)).json()) as { issuer: string; client_id: string; scopes: string[] };
  const signIns = await measureCalls(
    () =>
      signInOnce({
        gatewayUrl: platform.gatewayUrl,
        issuer: consoleSettings.issuer,
        clientId: consoleSettings.client_id,
        scopes: consoleSettings.scopes,
        // The console client's default redirect URI (CONSOLE_REDIRECT_URIS unset).
        redirectUri: `${platform.gatewayUrl}/console/callback`,
        user: { email: platform.adminEmail, password: platform.adminPassword },
      }),
    { connections: CONNECTIONS, durationSeconds: DURATION },
  );

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const results = { date: new Date().toISOString(), machine, durationSeconds: DURATION, connections: CONNECTIONS, gateway, direct, logins, clientCredentials, signIns };
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, r: LoadResult) => `| ${name} | ${r.requestsPerSecond} | ${r.latencyMs.p50} | ${r.latencyMs.p99} | ${r.errors} |`;
  console.log(`Machine: ${machine}; ${CONNECTIONS} connections, ${DURATION} s each`);
  console.log('| path | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|');
  console.log(row('GET /api/v1/admin/partners/{id} via gateway', gateway));
  console.log(row('PartnersService.GetPartner direct gRPC', direct));
  console.log(row('POST /api/v1/admin/auth/login via gateway', logins));
  console.log(row('POST /api/v1/platform/oauth/token client_credentials via gateway', clientCredentials));
  console.log(row('OIDC sign-in of the console (authorize → page → consent → /auth/token)', signIns));
} finally {
  await platform.stop();
  await platform.dropDatabases();
}
