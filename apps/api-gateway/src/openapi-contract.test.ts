import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeTestGateways, testGateway } from './routes/testing/test-gateway.ts';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface Document {
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
}

let document: Document;
let operations: { label: string; operation: Operation }[];

beforeAll(async () => {
  const app = await testGateway();
  document = (await app.inject('/api/v1/openapi.json')).json();
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, operation })),
  );
  await closeTestGateways();
});
afterEach(closeTestGateways);

const envelopeRef = /#\/components\/schemas\/(ErrorEnvelope|HTTPValidationError)$/;
const answersInEnvelope = (answer: Operation['responses'][string]) =>
  Object.values(answer.content ?? {}).some((media) => envelopeRef.test(media.schema?.$ref ?? ''));

describe('the OpenAPI document as a contract for generated clients', () => {
  it("has no error under Redocly's recommended rules", async () => {
    // The seeds' collection paths end in a slash (`/admin/partners/`); that is the contract.
    const config = await createConfig({ extends: ['recommended'], rules: { 'no-path-trailing-slash': 'off' } });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('gives every operation a unique operationId', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => !o.operation.operationId).map((o) => o.label)).toEqual([]);
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('names operations after their route modules', () => {
    const idOf = (label: string) => operations.find((o) => o.label === label)?.operation.operationId;
    expect(idOf('GET /api/v1/admin/partners/{partner_id}')).toBe('getPartner');
    expect(idOf('POST /api/v1/admin/registration-requests/{request_id}/approve')).toBe('approveRegistrationRequest');
    expect(idOf('POST /api/v1/public/register/applications')).toBe('createPublicRegistration');
  });

  it('declares security on every operation: none where public, the bearer with its scope otherwise', () => {
    expect(operations.filter((o) => !Array.isArray(o.operation.security)).map((o) => o.label)).toEqual([]);
    const securityOf = (label: string) => operations.find((o) => o.label === label)?.operation.security;
    expect(securityOf('POST /api/v1/admin/auth/login')).toEqual([]);
    expect(securityOf('GET /api/v1/admin/partners/{partner_id}')).toEqual([{ bearerAuth: ['admin:partners'] }]);
    expect(securityOf('GET /api/v1/admin/auth/me')).toEqual([{ bearerAuth: [] }]);
    // Logout ends the session of the bearer it is sent, and works without one too.
    expect(securityOf('POST /api/v1/admin/auth/logout')).toEqual([{}, { bearerAuth: [] }]);
  });

  it('describes the error answers in the envelope: some 4xx on every operation, 401 and 403 where a token is required', () => {
    const without4xx = operations.filter((o) => !Object.entries(o.operation.responses).some(([code, answer]) => code.startsWith('4') && answersInEnvelope(answer)));
    expect(without4xx.map((o) => o.label)).toEqual([]);
    const protectedOps = operations.filter((o) => o.operation.security?.some((s) => 'bearerAuth' in s) && !o.operation.security.some((s) => Object.keys(s).length === 0));
    const missing = protectedOps.filter((o) => !answersInEnvelope(o.operation.responses['401'] ?? {}) || !answersInEnvelope(o.operation.responses['403'] ?? {}));
    expect(missing.map((o) => o.label)).toEqual([]);
  });

  it('tags every operation with a declared tag that has a description', () => {
    const declared = new Map(document.tags.map((t) => [t.name, t.description]));
    const untagged = operations.filter((o) => !o.operation.tags?.length || o.operation.tags.some((tag) => !declared.get(tag)));
    expect(untagged.map((o) => `${o.label} ${o.operation.tags}`)).toEqual([]);
  });
});
