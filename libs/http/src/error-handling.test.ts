import { createMetrics } from '@scai/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(metrics?: ReturnType<typeof createMetrics>) {
  const built = await buildTestApp({ metrics });
  app = built.app;
  return built;
}

const validPartner = { name: 'Acme', email: 'ops@acme.example', kind: 'reseller' };

describe('AppError', () => {
  it.each([
    ['not_found', 404, 'Partner not found'],
    ['conflict', 409, 'Slug already taken'],
    ['forbidden', 403, 'Insufficient permissions'],
    ['unauthorized', 401, 'Authentication required'],
    ['rate_limited', 429, 'Too many requests, try again later'],
    ['unavailable', 503, 'Service temporarily unavailable'],
    ['internal', 500, 'Something went wrong'],
  ])('%s answers %i in the envelope', async (kind, status, message) => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: `/app-error/${kind}`, headers: { 'x-request-id': 'rid-1' } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toBe('rid-1');
    const body = response.json();
    expect(body.error).toMatchObject({ message, request_id: 'rid-1' });
    expect(body).not.toHaveProperty('detail');
  });

  it('keeps details and extra headers', async () => {
    const { app } = await start();
    const conflictBody = (await app.inject({ method: 'GET', url: '/app-error/conflict' })).json();
    expect(conflictBody.error).toMatchObject({ code: 'conflict', details: { field: 'slug' } });
    const limited = await app.inject({ method: 'GET', url: '/app-error/rate_limited' });
    expect(limited.headers['retry-after']).toBe('30');
    expect(limited.json().error).toMatchObject({ code: 'rate_limited', details: { retry_after_seconds: 30 } });
  });

  it('a domain validation error carries detail[]', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/app-error/validation' });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toEqual([{ loc: ['body', 'vat_id'], msg: 'Invalid VAT number', type: 'value_error.vat' }]);
  });
});

describe('unexpected errors', () => {
  it('answer a generic 500 and log the error with the request id, never returning it', async () => {
    const { app, logs } = await start();
    const response = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'rid-500' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal_error', message: 'An internal error occurred', request_id: 'rid-500' },
    });
    expect(response.body).not.toMatch(/INSERT|partners|constraint|stack/i);
    const logged = logs.find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({ level: 'error', request_id: 'rid-500', status: 500 });
    expect(JSON.stringify(logged)).toContain('INSERT INTO partners');
  });

  it('hide the message of a third-party 4xx and a 503', async () => {
    const { app } = await start();
    const unauthorizedResponse = await app.inject({ method: 'GET', url: '/plugin-401' });
    expect(unauthorizedResponse.statusCode).toBe(401);
    expect(unauthorizedResponse.json().error).toMatchObject({ code: 'unauthorized', message: 'Unauthorized' });
    const unavailableResponse = await app.inject({ method: 'GET', url: '/plugin-503' });
    expect(unavailableResponse.statusCode).toBe(503);
    expect(unavailableResponse.json().error).toMatchObject({ code: 'unavailable', message: 'Service temporarily unavailable' });
    expect(unavailableResponse.body).not.toContain('5432');
  });

  it('map a rate-limit plugin error to rate_limited with its retry-after', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/plugin-429' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('12');
    expect(response.json().error).toMatchObject({ code: 'rate_limited', details: { retry_after_seconds: 12 } });
  });
});

describe('body parsing', () => {
  it('malformed JSON is 400 bad_request', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/partners', headers: { 'content-type': 'application/json' }, payload: '{"name": "Acme",' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().error).toMatchObject({ code: 'bad_request', message: "Body is not valid JSON but content-type is set to 'application/json'" });
  });

  it('prototype poisoning is rejected as malformed', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/partners', headers: { 'content-type': 'application/json' }, payload: '{"__proto__": {"admin": true}}' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('an empty JSON body is 400 bad_request', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'POST', url: '/partners', headers: { 'content-type': 'application/json' }, payload: '' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it('an unsupported content type keeps 415, a too large body 413, both as bad_request', async () => {
    const { app } = await start();
    const unsupported = await app.inject({ method: 'POST', url: '/partners', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.json().error).toMatchObject({ code: 'bad_request', message: 'Unsupported Media Type' });
    const tooLarge = await app.inject({ method: 'POST', url: '/partners', payload: { ...validPartner, name: 'x'.repeat(2000) } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'bad_request', message: 'Request body is too large' });
  });
});

describe('unknown routes', () => {
  it('answer 404 not_found in the envelope', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/x?secret=1', headers: { 'x-request-id': 'rid-404' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['x-request-id']).toBe('rid-404');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Route GET /x not found', request_id: 'rid-404' } });
  });
});

describe('router errors', () => {
  it.each([
    ['a malformed URL', '/partners/%E0%A4%A', 400, "'/partners/%E0%A4%A' is not a valid url component"],
    ['an over-long path parameter', `/partners/${'a'.repeat(150)}`, 414, undefined],
  ])('%s gets the envelope', async (_case, url, status, message) => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'rid-url' } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['x-request-id']).toBe('rid-url');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().error).toMatchObject({ code: 'bad_request', request_id: 'rid-url', ...(message ? { message } : {}) });
  });
});

describe('request ids', () => {
  it('honours a sane x-request-id and echoes it on success too', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/ok', headers: { 'x-request-id': 'gw-7f3a:01.b_c' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('gw-7f3a:01.b_c');
  });

  it.each([
    ['missing', undefined],
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'abc def'],
    ['with a newline-ish payload', 'abc\u0000def'],
    ['empty', ''],
  ])('replaces a %s id with a new req_ id', async (_case, given) => {
    const { app } = await start();
    const headers = given === undefined ? {} : { 'x-request-id': given };
    const response = await app.inject({ method: 'GET', url: '/app-error/not_found', headers });
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^req_[0-9a-z]{26}$/);
    expect(response.json().error.request_id).toBe(id);
  });

  it('accepts exactly 128 characters', async () => {
    const { app } = await start();
    const id = 'a'.repeat(128);
    const response = await app.inject({ method: 'GET', url: '/ok', headers: { 'x-request-id': id } });
    expect(response.headers['x-request-id']).toBe(id);
  });
});

describe('request metrics', () => {
  it('observes durations by route pattern, method and status', async () => {
    const metrics = createMetrics('http-test');
    const { app } = await start(metrics);
    await app.inject({ method: 'GET', url: '/partners/prt_1' });
    await app.inject({ method: 'GET', url: '/partners/nope' });
    await app.inject({ method: 'GET', url: '/no/such/route' });
    const values = (await metrics.httpRequestDuration.get()).values.filter((value) => value.metricName === 'http_request_duration_seconds_count');
    const counts = values.map((value) => [value.labels.route, value.labels.status_code, value.value]);
    expect(counts).toEqual(
      expect.arrayContaining([
        ['/partners/:partner_id', '200', 1],
        ['/partners/:partner_id', '422', 1],
        ['unmatched', '404', 1],
      ]),
    );
  });
});
