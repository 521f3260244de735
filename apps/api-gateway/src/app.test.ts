import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@fastify/type-provider-typebox';
import type { Caller } from '@scai/permissions';
import { FRAMEWORK_ROUTE_PREFIXES } from './app.ts';
import { errorResponses, AuthorizationHeader } from './routes/common-schemas.ts';
import type { RouteGroup } from './routes/types.ts';
import { closeTestGateways, testGateway } from './routes/testing/test-gateway.ts';

const superAdmin: Caller = {
  subject: 'usr_admin',
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles: ['super_admin'],
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
};
const member: Caller = { ...superAdmin, subject: 'usr_m', roles: ['tenant_member'], tenantId: 'tnt_a', permissions: ['billing:read'] };

const probeGroup: RouteGroup = {
  tag: 'Probe',
  schemas: [],
  routes: [
    (app) =>
      app.post(
        '/api/v1/probe/items/',
        {
          schema: {
            summary: 'Create Item',
            tags: ['Probe'],
            headers: AuthorizationHeader,
            body: Type.Object({ name: Type.String({ minLength: 1 }), count: Type.Integer() }, { additionalProperties: false }),
            response: { 201: Type.Object({ name: Type.String() }), ...errorResponses },
          },
          config: { auth: { scope: 'admin:partners' } },
        },
        async (request, reply) => reply.code(201).send({ name: request.body.name }),
      ),
  ],
};

const gateway = (groups?: RouteGroup[]) =>
  testGateway({ groups, callers: { admin: superAdmin, member }, probeServices: async () => ({ auth: 'serving' }) });

afterEach(closeTestGateways);

describe('gateway', () => {
  it('answers unknown routes with the envelope', async () => {
    const app = await gateway([probeGroup]);
    const response = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toMatchObject({ code: 'not_found' });
    expect(response.json().error.request_id).toBe(response.headers['x-request-id']);
  });

  it('refuses missing, bad and insufficient tokens', async () => {
    const app = await gateway([probeGroup]);
    const body = { name: 'a', count: 1 };
    const none = await app.inject({ method: 'POST', url: '/api/v1/probe/items/', payload: body });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthorized');
    const forged = await app.inject({ method: 'POST', url: '/api/v1/probe/items/', payload: body, headers: { authorization: 'Bearer forged' } });
    expect(forged.statusCode).toBe(401);
    const malformed = await app.inject({ method: 'POST', url: '/api/v1/probe/items/', payload: body, headers: { authorization: 'Basic abc' } });
    expect(malformed.statusCode).toBe(401);
    const weak = await app.inject({ method: 'POST', url: '/api/v1/probe/items/', payload: body, headers: { authorization: 'Bearer member' } });
    expect(weak.statusCode).toBe(403);
    expect(weak.json().error.code).toBe('forbidden');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/probe/items', payload: body, headers: { authorization: 'Bearer admin' } });
    expect(ok.statusCode).toBe(201);
  });

  it('answers bad input with 422, the envelope and the seeds detail[] despite the response schema', async () => {
    const app = await gateway([probeGroup]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/items/',
      payload: { count: 'x', extra: true },
      headers: { authorization: 'Bearer admin' },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.detail).toEqual(
      expect.arrayContaining([expect.objectContaining({ loc: ['body', 'name'] }), expect.objectContaining({ loc: ['body', 'count'] })]),
    );
  });

  it('publishes an OpenAPI 3.1 document with named schemas and bearer security', async () => {
    const app = await gateway([probeGroup]);
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas).toHaveProperty('HTTPValidationError');
    expect(doc.paths['/api/v1/probe/items/'].post.security).toEqual([{ bearerAuth: ['admin:partners'] }]);
    expect(doc.paths['/api/v1/probe/items/'].post.responses['422'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/HTTPValidationError',
    );
    const page = await app.inject({ method: 'GET', url: '/api/v1/reference/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('declares an auth requirement on every API route of every group', async () => {
    const app = await gateway();
    const api = app.declaredRoutes.filter(
      (r) => r.url.startsWith('/api/v1/') && !FRAMEWORK_ROUTE_PREFIXES.some((prefix) => r.url.startsWith(prefix)) && r.method !== 'HEAD',
    );
    expect(api.length).toBeGreaterThan(2);
    expect(api.filter((r) => r.auth === undefined)).toEqual([]);
  });

  it('reports service health publicly', async () => {
    const app = await gateway([]);
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.json()).toEqual({ status: 'ok', services: { auth: 'serving' } });
  });
});
