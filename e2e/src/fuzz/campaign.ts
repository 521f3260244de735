import fc from 'fast-check';
import type { FuzzOperation } from './openapi-operations.ts';
import { requestsFor, type FuzzRequest, type IdPool } from './request-cases.ts';
import type { Resolve } from './schema-arbitrary.ts';
import { send, type RawRequest } from './send.ts';
import { judge, type FuzzAnswer } from './verdict.ts';
import { stateFingerprint } from './write-check.ts';

export interface CampaignOptions {
  baseUrl: string;
  operations: FuzzOperation[];
  resolve: Resolve;
  ids: IdPool;
  seed: number;
  /** Requests in all, spread evenly over the operations. */
  requests: number;
  /** A super admin's access token; called again when the platform stops accepting it. */
  adminToken: (renew: boolean) => Promise<string>;
  /** Compare the platform's state around every n-th refused write (1: every one; 0: never). */
  writeCheckEvery: number;
  onProgress?: (report: CampaignReport) => void;
}

export interface FuzzFailure {
  operationId: string;
  /** Replays this one case: `npm run fuzz -- --replay <operationId>:<seed>`. */
  seed: number;
  method: string;
  url: string;
  mutation: string;
  status: number;
  problems: string[];
  excerpt: string;
}

export interface CampaignReport {
  sent: number;
  byStatus: Record<string, number>;
  failures: FuzzFailure[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Operations that would end the fuzzing admin's own session: sent with a garbage token instead of the admin's. */
const ENDS_OWN_SESSION = new Set(['logout']);
const GARBAGE_TOKEN = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';

/** The seed of case `index` of operation `position`: one number replays one request. */
export function caseSeed(seed: number, position: number, index: number): number {
  return (seed + position * 1_000_003 + index * 7_919) | 0;
}

const generators = new WeakMap<FuzzOperation, fc.Arbitrary<FuzzRequest>>();

export function generateCase(op: FuzzOperation, resolve: Resolve, ids: IdPool, seed: number): FuzzRequest {
  let generator = generators.get(op);
  if (!generator) generators.set(op, (generator = requestsFor(op, resolve, ids)));
  return fc.sample(generator, { seed, numRuns: 1 })[0];
}

async function rawRequest(request: FuzzRequest, adminToken: CampaignOptions['adminToken'], renew = false): Promise<RawRequest> {
  const headers: Record<string, string> = {};
  if (request.caller === 'admin') headers.authorization = `Bearer ${await adminToken(renew)}`;
  if (request.caller === 'garbage') headers.authorization = `Bearer ${GARBAGE_TOKEN}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
  return { method: request.method, path: request.url, headers, body: request.body };
}

/** Sends one case; a protected route refusing the admin's token means the token died (logout, expiry): renew once. */
async function exchange(options: CampaignOptions, op: FuzzOperation, request: FuzzRequest): Promise<FuzzAnswer> {
  let answer = await send(options.baseUrl, await rawRequest(request, options.adminToken));
  if (answer.status === 401 && request.caller === 'admin' && !op.isPublic) {
    answer = await send(options.baseUrl, await rawRequest(request, options.adminToken, true));
  }
  return answer;
}

/**
 * Sends `requests` generated requests, one at a time (so a refused write can be checked
 * to have changed nothing), and judges every answer.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignReport> {
  const report: CampaignReport = { sent: 0, byStatus: {}, failures: [] };
  const perOperation = Math.max(1, Math.ceil(options.requests / options.operations.length));
  let refusedWrites = 0;
  for (let index = 0; index < perOperation; index += 1) {
    for (const [position, op] of options.operations.entries()) {
      if (report.sent >= options.requests) return report;
      const seed = caseSeed(options.seed, position, index);
      const generated = generateCase(op, options.resolve, options.ids, seed);
      const request = ENDS_OWN_SESSION.has(op.operationId) && generated.caller === 'admin' ? { ...generated, caller: 'garbage' as const } : generated;
      const checkWrite = WRITES.has(op.method) && options.writeCheckEvery > 0 && refusedWrites % options.writeCheckEvery === 0;
      const before = checkWrite ? await stateFingerprint(options.baseUrl, op, request, options.adminToken) : undefined;
      const answer = await exchange(options, op, request);
      report.sent += 1;
      report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
      const problems = judge(op.operationId, answer);
      if (WRITES.has(op.method) && answer.status >= 400) {
        refusedWrites += 1;
        if (before !== undefined) {
          const after = await stateFingerprint(options.baseUrl, op, request, options.adminToken);
          if (after !== before) problems.push('a refused write changed state');
        }
      }
      if (problems.length > 0) {
        report.failures.push({
          operationId: op.operationId,
          seed,
          method: request.method,
          url: request.url.length > 160 ? `${request.url.slice(0, 160)}…` : request.url,
          mutation: request.mutation,
          status: answer.status,
          problems,
          excerpt: answer.text.slice(0, 300),
        });
      }
      options.onProgress?.(report);
    }
  }
  return report;
}
