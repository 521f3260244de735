import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { buildTestApp, type TestApp } from './test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = (await buildTestApp()).app;
});
afterAll(() => app.close());

const valid = { name: 'Acme', email: 'ops@acme.example', kind: 'reseller' };

async function detailOf(request: InjectOptions) {
  const response = await app.inject(request);
  expect(response.statusCode).toBe(422);
  const body = response.json();
  expect(body.error).toMatchObject({ code: 'validation_error', message: 'Request validation failed' });
  expect(response.headers['cache-control']).toBe('no-store');
  return body.detail;
}

const post = (payload: unknown) => detailOf({ method: 'POST', url: '/partners', payload: payload as Record<string, unknown> });

describe('body validation', () => {
  it('accepts a valid body unchanged', async () => {
    const response = await app.inject({ method: 'POST', url: '/partners', payload: { ...valid, seats: 3, parent_id: null } });
    expect(response.statusCode).toBe(201);
    expect(response.json().data).toEqual({ ...valid, seats: 3, parent_id: null });
  });

  it('names each missing property at its own loc, all at once', async () => {
    expect(await post({ kind: 'direct' })).toEqual([
      { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
      { loc: ['body', 'email'], msg: 'Field required', type: 'missing' },
    ]);
  });

  it('reports a missing body as a missing field', async () => {
    expect(await detailOf({ method: 'POST', url: '/partners' })).toEqual([{ loc: ['body'], msg: 'Field required', type: 'missing' }]);
  });

  it('does not coerce body types', async () => {
    expect(await post({ ...valid, name: 42, seats: '3' })).toEqual([
      { loc: ['body', 'name'], msg: 'Input should be a valid string', type: 'string_type' },
      { loc: ['body', 'seats'], msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' },
    ]);
    expect(await post({ ...valid, seats: 1.5 })).toEqual([
      { loc: ['body', 'seats'], msg: 'Input should be a valid integer, got a number with a fractional part', type: 'int_from_float' },
    ]);
    expect(await post({ ...valid, seats: true })).toEqual([{ loc: ['body', 'seats'], msg: 'Input should be a valid integer', type: 'int_type' }]);
  });

  it('forbids extra fields, nested ones included', async () => {
    expect(await post({ ...valid, is_admin: true, contact: { phone: '1', fax: '2' } })).toEqual([
      { loc: ['body', 'is_admin'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
      { loc: ['body', 'contact', 'fax'], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' },
    ]);
  });

  it('reports a missing nested property at its full loc', async () => {
    expect(await post({ ...valid, contact: {} })).toEqual([{ loc: ['body', 'contact', 'phone'], msg: 'Field required', type: 'missing' }]);
  });

  it('reads a union of literals as one enum issue', async () => {
    expect(await post({ ...valid, kind: 'vendor' })).toEqual([
      { loc: ['body', 'kind'], msg: "Input should be 'reseller' or 'direct'", type: 'enum' },
    ]);
  });

  it('lists issues in field order', async () => {
    const detail = await post({ kind: 'x', email: 'bad', name: 5 });
    expect(detail.map((issue: { loc: string[] }) => issue.loc[1])).toEqual(['name', 'email', 'kind']);
  });

  it('resolves nested unions (a nullable union of literals)', async () => {
    expect(await post({ ...valid, tier: 'bronze' })).toEqual([
      { loc: ['body', 'tier'], msg: "Input should be 'gold' or 'silver'", type: 'enum' },
    ]);
    const response = await app.inject({ method: 'POST', url: '/partners', payload: { ...valid, tier: null } });
    expect(response.statusCode).toBe(201);
  });

  it('reads a nullable field by its non-null type', async () => {
    expect(await post({ ...valid, parent_id: 'tnt_1' })).toEqual([
      { loc: ['body', 'parent_id'], msg: "String should match pattern '^prt_'", type: 'string_pattern_mismatch' },
    ]);
    expect(await post({ ...valid, parent_id: 5 })).toEqual([
      { loc: ['body', 'parent_id'], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
  });

  it('checks formats and limits', async () => {
    expect(await post({ ...valid, name: '', email: 'not-an-email', website: 'no url', seats: 0, tags: ['a', 'b', 'c'] })).toEqual([
      { loc: ['body', 'name'], msg: 'String should have at least 1 character', type: 'string_too_short' },
      { loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error.email' },
      { loc: ['body', 'seats'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' },
      { loc: ['body', 'website'], msg: 'Input should be a valid URL', type: 'url_parsing' },
      { loc: ['body', 'tags'], msg: 'List should have at most 2 items', type: 'too_long' },
    ]);
  });

  it('uses numeric loc entries for list items', async () => {
    expect(await post({ ...valid, tags: ['a', 7] })).toEqual([
      { loc: ['body', 'tags', 1], msg: 'Input should be a valid string', type: 'string_type' },
    ]);
  });

  it('reports a body of the wrong shape', async () => {
    expect(await post([1, 2])).toEqual([{ loc: ['body'], msg: 'Input should be a valid dictionary', type: 'dict_type' }]);
  });
});

describe('query, path and header validation', () => {
  it('coerces query strings and applies defaults', async () => {
    const response = await app.inject({ method: 'GET', url: '/partners?page=2&tag=a' });
    expect(response.statusCode).toBe(200);
    expect(response.json().query).toEqual({ page: 2, page_size: 20, tag: ['a'] });
  });

  it('reports bad query values under query', async () => {
    expect(await detailOf({ method: 'GET', url: '/partners?page=abc&page_size=500&status=gone' })).toEqual([
      { loc: ['query', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' },
      { loc: ['query', 'page_size'], msg: 'Input should be less than or equal to 100', type: 'less_than_equal' },
      { loc: ['query', 'status'], msg: "Input should be 'active' or 'suspended'", type: 'enum' },
    ]);
  });

  it('reports bad path parameters under path', async () => {
    expect(await detailOf({ method: 'GET', url: '/partners/tnt_1' })).toEqual([
      { loc: ['path', 'partner_id'], msg: "String should match pattern '^prt_'", type: 'string_pattern_mismatch' },
    ]);
  });

  it('reports headers under header', async () => {
    expect(await detailOf({ method: 'GET', url: '/tenant' })).toEqual([{ loc: ['header', 'x-tenant-id'], msg: 'Field required', type: 'missing' }]);
    const response = await app.inject({ method: 'GET', url: '/tenant', headers: { 'x-tenant-id': 'tnt_1' } });
    expect(response.statusCode).toBe(200);
  });
});
