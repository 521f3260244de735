import { beforeAll, describe, expect, it, inject } from 'vitest';
import { runCampaign } from './fuzz/campaign.ts';
import { createFixtures } from './fuzz/fixtures.ts';
import { operationsOf, schemaResolver, type FuzzOperation, type OpenApiDocument } from './fuzz/openapi-operations.ts';
import { closeConnections } from './fuzz/send.ts';
import { formatReport } from './fuzz/summary.ts';
import { api, superAdminToken } from './http.ts';

/** Bounded for `npm test`; `npm run fuzz` runs the long campaign with the same generator. */
const CASES_PER_OPERATION = 25;
const SEED = 20_261_207;

let document: OpenApiDocument;
let operations: FuzzOperation[];
let ids: string[];
let token: string;

beforeAll(async () => {
  document = (await api<OpenApiDocument>('GET', '/api/v1/openapi.json')).body;
  operations = operationsOf(document);
  token = await superAdminToken();
  ids = await createFixtures(inject('gatewayUrl'), token);
});

describe('fuzzing every operation of the OpenAPI document', () => {
  it('answers every generated and mutated request with a 2xx/4xx in the envelope, and refused writes change nothing', { timeout: 900_000 }, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(55);
    const report = await runCampaign({
      baseUrl: inject('gatewayUrl'),
      operations,
      resolve: schemaResolver(document),
      ids,
      seed: SEED,
      requests: operations.length * CASES_PER_OPERATION,
      adminToken: async (renew) => (renew ? (token = await superAdminToken()) : token),
      writeCheckEvery: 1,
    });
    closeConnections();
    console.log(formatReport(report));
    expect(report.sent).toBe(operations.length * CASES_PER_OPERATION);
    expect(report.failures).toEqual([]);
  });
});
