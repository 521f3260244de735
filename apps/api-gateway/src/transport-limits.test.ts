import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, fakePartnersClients } from './routes/partners/fake-partners-clients.ts';
import { closeTestGateways, testGateway } from './routes/testing/test-gateway.ts';
import type { GatewayApp } from './routes/types.ts';

let app: GatewayApp;
let port: number;
const CONSOLE = 'https://console.example.test';

beforeAll(async () => {
  app = await testGateway({ clients: fakePartnersClients([]), callers: CALLERS, env: { CORS_ORIGINS: `${CONSOLE}, https://ops.example.test/` } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(closeTestGateways);

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Over a real socket, streaming the body as a client would: inject() never shows a reset. */
function call(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    if (body) {
      // in chunks, the way a real upload arrives
      for (let offset = 0; offset < body.length; offset += 64 * 1024) request.write(body.subarray(offset, offset + 64 * 1024));
    }
    request.end();
  });
}

describe('the gateway at its transport limits', () => {
  it('answers a body over 1 MiB with 413 in the envelope, sized or chunked', async () => {
    const body = Buffer.alloc(64 * 1024 * 1024, 'a');
    const auth = { authorization: 'Bearer super', 'content-type': 'application/json' };
    for (const headers of [{ ...auth, 'content-length': String(body.length) }, { ...auth, 'transfer-encoding': 'chunked' }]) {
      const answer = await call('POST', '/api/v1/admin/partners/', headers, body);
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).error).toMatchObject({ code: 'bad_request', request_id: expect.any(String) });
    }
  });

  it('answers an oversized header with 431 and an over-long URL with 414, both in the envelope', async () => {
    const header = await call('GET', '/api/v1/health', { 'x-padding': 'p'.repeat(20_000) });
    expect(header.status).toBe(431);
    expect(JSON.parse(header.body).error.code).toBe('bad_request');
    const url = await call('GET', `/api/v1/admin/partners/?search=${'s'.repeat(9_000)}`, {});
    expect(url.status).toBe(414);
    expect(JSON.parse(url.body).error.code).toBe('bad_request');
  });
});

describe('CORS', () => {
  const preflight = (origin: string, method = 'PATCH') =>
    app.inject({
      method: 'OPTIONS',
      url: '/api/v1/admin/partners/prt_a',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' },
    });

  it('answers a preflight from a configured origin (trailing slash or not) with what it may send', async () => {
    for (const origin of [CONSOLE, 'https://ops.example.test', 'http://127.0.0.1:8080']) {
      const answer = await preflight(origin);
      expect(answer.statusCode, origin).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
      expect(String(answer.headers['access-control-allow-methods'])).toContain('PATCH');
      expect(String(answer.headers['access-control-allow-headers'])).toContain('authorization');
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      expect(answer.headers.vary).toContain('Origin');
    }
  });

  it('refuses a preflight from any other origin with 403 in the envelope', async () => {
    const answer = await preflight('https://evil.example.test');
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.code).toBe('forbidden');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves requests from other origins without CORS headers, and exposes x-request-id to allowed ones', async () => {
    const other = await app.inject({ url: '/api/v1/admin/partners/prt_a', headers: { origin: 'https://evil.example.test', authorization: 'Bearer super' } });
    expect(other.statusCode).toBe(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await app.inject({ url: '/api/v1/admin/partners/prt_a', headers: { origin: CONSOLE, authorization: 'Bearer super' } });
    expect(allowed.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(String(allowed.headers['access-control-expose-headers'])).toContain('x-request-id');
  });
});
