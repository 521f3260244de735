import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let app: TestApp;
let port: number;

beforeAll(async () => {
  ({ app } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
});

/** Over a real socket: inject() never shows a reset connection. */
function call(options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

const envelopeOf = (answer: RawAnswer) => JSON.parse(answer.body) as { error: { code: string; message: string; request_id: string } };

describe('transport limits answer in the envelope', () => {
  it('a body over the limit: 413, and the client reads it instead of a reset connection', async () => {
    for (const size of [2_048, 5 * 1024 * 1024]) {
      const answer = await call({ method: 'POST', path: '/partners', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(size, 'a') });
      expect(answer.status, `${size} bytes`).toBe(413);
      expect(envelopeOf(answer).error).toMatchObject({ code: 'bad_request', request_id: expect.any(String) });
    }
  });

  it('an oversized header: 431 in the envelope', async () => {
    const answer = await call({ path: '/ok', headers: { 'x-big': 'h'.repeat(20_000) } });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/json/);
    expect(envelopeOf(answer).error.code).toBe('bad_request');
  });

  it('an over-long URL: 414 in the envelope', async () => {
    const answer = await call({ path: `/ok?q=${'u'.repeat(9_000)}` });
    expect(answer.status).toBe(414);
    expect(envelopeOf(answer).error).toMatchObject({ code: 'bad_request', message: 'URI Too Long' });
  });
});
