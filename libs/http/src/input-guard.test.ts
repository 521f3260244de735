import { describe, expect, it } from 'vitest';
import { hasMalformedEscapes, unstorableText, unstorableTextIssues } from './input-guard.ts';
import { buildTestApp } from './test-app.ts';

describe('unstorableText', () => {
  it('refuses NUL and lone surrogates, keeps real text', () => {
    expect(unstorableText('a\u0000b')).toMatch(/NUL/);
    expect(unstorableText('x\uD800')).toMatch(/surrogate/);
    expect(unstorableText('\uDFFFx')).toMatch(/surrogate/);
    expect(unstorableText('😀 Zürich ‮')).toBeUndefined();
  });
});

describe('unstorableTextIssues', () => {
  it('locates every bad string and key, however deep', () => {
    let deep: unknown = 'ok\u0000';
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    const issues = unstorableTextIssues({ name: 'fine', address_line2: 'x\u0000y', 'k\u0000': 1, list: ['a', '\uD800'], deep }, ['body']);
    const locs = issues.map((issue) => issue.loc.slice(0, 2).join('.'));
    expect(locs).toEqual(expect.arrayContaining(['body.address_line2', 'body.k\u0000', 'body.list', 'body.deep']));
    expect(issues).toHaveLength(4);
  });
});

describe('hasMalformedEscapes', () => {
  it.each(['/a?x=%', '/a?x=%zz', '/a?x=%ED%A0%80', '/a%FF%FE', '/a?%=1'])('%s is malformed', (url) => {
    expect(hasMalformedEscapes(url)).toBe(true);
  });
  it.each(['/a', '/a?x=%20y&z=%F0%9F%98%80', '/a/x%00y', '/a?q=a+b'])('%s decodes', (url) => {
    expect(hasMalformedEscapes(url)).toBe(false);
  });
});

describe('the guards on a server', () => {
  it('answers 400 for a URL that does not decode and 422 with detail for NUL in path, query or body', async () => {
    const { app } = await buildTestApp();
    const malformed = await app.inject({ method: 'POST', url: '/things/a?x=%zz', payload: {} });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('bad_request');
    for (const [url, payload, loc] of [
      ['/things/x%00y', {}, ['path', 'id']],
      ['/things/a?search=%00', {}, ['query', 'search']],
      ['/things/a', { partner_id: 'p\u0000' }, ['body', 'partner_id']],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, payload });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().error.code).toBe('validation_error');
      expect(response.json().detail).toEqual([expect.objectContaining({ loc })]);
    }
    expect((await app.inject({ method: 'POST', url: '/things/a', payload: { name: 'Zürich 😀' } })).statusCode).toBe(200);
    for (const page of ['Infinity', '-Infinity']) {
      const response = await app.inject({ method: 'GET', url: `/partners?page=${page}` });
      expect(response.statusCode, page).toBe(422);
      expect(response.json().detail).toEqual([expect.objectContaining({ loc: ['query', 'page'], msg: 'must be a finite number' })]);
    }
    await app.close();
  });
});
