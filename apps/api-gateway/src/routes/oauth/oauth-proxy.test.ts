import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayApp } from '../types.ts';
import { oauthGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

let upstream: FastifyInstance;
let app: GatewayApp;

/** Stands in for the auth app's HTTP side: echoes what arrived. */
beforeAll(async () => {
  upstream = Fastify();
  upstream.removeAllContentTypeParsers();
  upstream.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  upstream.all('/*', async (request, reply) =>
    reply
      .code(request.url.includes('missing') ? 404 : 200)
      .header('cache-control', 'no-store')
      .send({
        method: request.method,
        url: request.url,
        body: request.body ?? null,
        contentType: request.headers['content-type'] ?? null,
        authorization: request.headers.authorization ?? null,
        forwardedFor: request.headers['x-forwarded-for'] ?? null,
        requestId: request.headers['x-request-id'] ?? null,
      }),
  );
  await upstream.listen({ host: '127.0.0.1', port: 0 });
  const port = (upstream.server.address() as AddressInfo).port;
  app = await testGateway({ groups: [oauthGroup], env: { AUTH_HTTP_URL: `http://127.0.0.1:${port}` } });
});

afterAll(async () => {
  await closeTestGateways();
  await upstream?.close();
});

describe('OAuth proxy', () => {
  it('forwards the token endpoint with its form body and HTTP Basic credentials untouched', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/platform/oauth/token',
      payload: 'grant_type=client_credentials&scope=usage%3Areport',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Basic Y2xpZW50OnNlY3JldA==', 'x-request-id': 'req-oauth-1' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      method: 'POST',
      url: '/api/v1/platform/oauth/token',
      body: 'grant_type=client_credentials&scope=usage%3Areport',
      contentType: 'application/x-www-form-urlencoded',
      authorization: 'Basic Y2xpZW50OnNlY3JldA==',
      forwardedFor: expect.any(String),
      requestId: 'req-oauth-1',
    });
  });

  it('forwards JSON bodies byte for byte', async () => {
    const body = '{"grant_type":"client_credentials","client_id":"c","client_secret":"s"}';
    const response = await app.inject({ method: 'POST', url: '/api/v1/platform/oauth/token', payload: body, headers: { 'content-type': 'application/json' } });
    expect(response.json().body).toBe(body);
  });

  it('forwards discovery, JWKS, future OAuth paths and tenant issuers with their query strings', async () => {
    for (const url of [
      '/api/v1/platform/oauth/.well-known/openid-configuration',
      '/api/v1/platform/.well-known/jwks.json',
      '/api/v1/platform/oauth/authorize?client_id=c&response_type=code',
      '/api/v1/auth/tenants/acme/.well-known/openid-configuration',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json().url).toBe(url);
    }
  });

  it('passes upstream statuses through', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/platform/oauth/missing' })).statusCode).toBe(404);
  });

  it('documents the three live endpoints and hides the catch-alls', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/platform/oauth/token'].post.tags).toEqual(['OAuth / OIDC']);
    expect(doc.paths['/api/v1/platform/.well-known/jwks.json'].get.summary).toBe('JSON Web Key Set');
    expect(Object.keys(doc.paths).filter((path) => path.includes('*'))).toEqual([]);
  });

  it('declares every proxied route public', async () => {
    const proxied = app.declaredRoutes.filter((route) => route.url.startsWith('/api/v1/platform/') || route.url.startsWith('/api/v1/auth/tenants/'));
    expect(proxied.length).toBeGreaterThanOrEqual(6);
    expect(proxied.every((route) => route.auth === 'public')).toBe(true);
  });

  it('refuses a body over 1 MiB with 413 in the envelope before it reaches the auth app', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/platform/oauth/token',
      payload: `grant_type=${'x'.repeat(2 * 1024 * 1024)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('answers 503 unavailable in the envelope when the auth app cannot be reached', async () => {
    const down = await testGateway({ groups: [oauthGroup], env: { AUTH_HTTP_URL: 'http://127.0.0.1:9' } });
    const response = await down.inject({ method: 'POST', url: '/api/v1/platform/oauth/token', payload: 'grant_type=client_credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toMatchObject({ code: 'unavailable', request_id: expect.any(String) });
  });
});
