/**
 * `npm run fuzz`: a long fuzzing campaign against a platform of its own (ports at offset
 * 4000, its own databases and event stream, dropped afterwards).
 *
 *   npm run fuzz                          100,000 requests, seed from the clock
 *   npm run fuzz -- --requests 5000 --seed 42
 *   npm run fuzz -- --replay createPartner:123456   one failing case again, verbosely
 */
import { parseArgs } from 'node:util';
import { startPlatform } from '@scai/platform';
import { generateCase, runCampaign } from './campaign.ts';
import { createFixtures } from './fixtures.ts';
import { operationsOf, schemaResolver, type OpenApiDocument } from './openapi-operations.ts';
import { closeConnections, send } from './send.ts';
import { formatReport } from './summary.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    replay: { type: 'string' },
    'write-check-every': { type: 'string', default: '10' },
  },
});

const suffix = Math.random().toString(36).slice(2, 8);
const platform = await startPlatform({
  portOffset: 4000,
  databasePrefix: `fuzz_${suffix}_`,
  env: {
    EVENTS_STREAM: `FUZZ_${suffix.toUpperCase()}`,
    EVENTS_SUBJECT_PREFIX: `fuzz_${suffix}`,
    SCAI_ADMIN_EMAIL: 'fuzz@fuzz.test',
    SCAI_ADMIN_PASSWORD: 'fuzz-Password-123',
    LOG_LEVEL: 'error',
    // The campaign sends thousands of failing logins from one address; throttling them is
    // tested elsewhere, here it would only lock the fuzzing admin out.
    LOGIN_THROTTLE_WINDOW_SECONDS: '1',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    ADMIN_ACCESS_TOKEN_TTL_SECONDS: '3600',
  },
  log: 'quiet',
  dropDatabasesOnStop: true,
  deleteStreamOnStop: true,
});

async function login(): Promise<string> {
  const body = JSON.stringify({ email: platform.adminEmail, password: platform.adminPassword });
  const answer = await send(platform.gatewayUrl, {
    method: 'POST',
    path: '/api/v1/admin/auth/login',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  if (answer.status !== 200) throw new Error(`admin login answered ${answer.status}: ${answer.text}`);
  return (JSON.parse(answer.text) as { access_token: string }).access_token;
}

let failed = false;
try {
  let token = await login();
  const document = JSON.parse((await send(platform.gatewayUrl, { method: 'GET', path: '/api/v1/openapi.json', headers: {} })).text) as OpenApiDocument;
  const operations = operationsOf(document);
  const resolve = schemaResolver(document);
  const ids = await createFixtures(platform.gatewayUrl, token);
  if (values.replay) {
    const [operationId, seed] = values.replay.split(':');
    const op = operations.find((candidate) => candidate.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId}`);
    const request = generateCase(op, resolve, ids, Number(seed));
    console.log('request', { ...request, body: request.body?.slice(0, 2_000) });
    const report = await runCampaign({ baseUrl: platform.gatewayUrl, operations: [op], resolve, ids, seed: Number(seed), requests: 1, adminToken: async () => token, writeCheckEvery: 1 });
    console.log(formatReport(report));
    failed = report.failures.length > 0;
  } else {
    const requests = Number(values.requests);
    const started = Date.now();
    let reportedFailures = 0;
    console.log(`fuzz: ${operations.length} operations, ${requests} requests, seed ${values.seed}`);
    const report = await runCampaign({
      baseUrl: platform.gatewayUrl,
      operations,
      resolve,
      ids,
      seed: Number(values.seed),
      requests,
      adminToken: async (renew) => (renew ? (token = await login()) : token),
      writeCheckEvery: Number(values['write-check-every']),
      onProgress: (progress) => {
        // Each failure as it is found: a campaign stopped early still says what failed.
        for (const failure of progress.failures.slice(reportedFailures)) console.log(`  failing: ${JSON.stringify(failure)}`);
        reportedFailures = progress.failures.length;
        if (progress.sent % 5_000 === 0) {
          const rate = Math.round((progress.sent * 1000) / (Date.now() - started));
          console.log(`  ${progress.sent} sent, ${rate} req/s, ${progress.failures.length} failing, by status ${JSON.stringify(progress.byStatus)}`);
        }
      },
    });
    console.log(formatReport(report));
    console.log(`fuzz: seed ${values.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    failed = report.failures.length > 0;
  }
} finally {
  closeConnections();
  await platform.stop();
  await platform.dropDatabases?.();
}
process.exit(failed ? 1 : 0);
