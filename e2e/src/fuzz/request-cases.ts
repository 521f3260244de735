import fc from 'fast-check';
import { hostileJsonValue, hostileUrlText } from './hostile-values.ts';
import type { FuzzOperation, FuzzParameter, JsonSchema } from './openapi-operations.ts';
import { arbitraryFor, type Resolve } from './schema-arbitrary.ts';

export type Caller = 'admin' | 'none' | 'garbage';

/** One generated request, ready to send; `mutation` says how it left the schema. */
export interface FuzzRequest {
  operationId: string;
  method: string;
  /** Path and query, percent-encoded as sent. */
  url: string;
  caller: Caller;
  contentType?: string;
  body?: string;
  mutation: string;
}

/** Real ids of the running platform (partners, tenants, users, …), offered to every path id. */
export type IdPool = string[];

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function pathValue(ids: IdPool): fc.Arbitrary<{ value: string; hostile: boolean }> {
  const real = ids.length > 0 ? fc.constantFrom(...ids).map((value) => ({ value: encodeURIComponent(value), hostile: false })) : undefined;
  const random = fc.string({ minLength: 1, maxLength: 30 }).map((value) => ({ value: encodeURIComponent(value), hostile: false }));
  const hostile = hostileUrlText.filter((value) => value !== '').map((value) => ({ value, hostile: true }));
  return real ? fc.oneof({ arbitrary: real, weight: 4 }, { arbitrary: random, weight: 1 }, { arbitrary: hostile, weight: 3 }) : fc.oneof(random, hostile);
}

function queryValue(param: FuzzParameter, resolve: Resolve): fc.Arbitrary<string | undefined> {
  const valid = arbitraryFor(param.schema, resolve).map((value) => encodeURIComponent(text(value)));
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: valid, weight: 3 },
    { arbitrary: hostileUrlText, weight: 3 },
  );
}

function queryString(op: FuzzOperation, resolve: Resolve): fc.Arbitrary<{ query: string; hostile: boolean }> {
  const params = op.query.map((param) => queryValue(param, resolve).map((value) => (value === undefined ? '' : `${param.name}=${value}`)));
  const extra = fc.option(hostileUrlText.map((value) => `unknown_param=${value}`), { freq: 2 });
  return fc.tuple(fc.tuple(...params), extra).map(([pairs, unknown]) => {
    const all = [...pairs, unknown ?? ''].filter(Boolean);
    return { query: all.length > 0 ? `?${all.join('&')}` : '', hostile: all.length > 0 };
  });
}

interface BodyCase {
  body?: string;
  contentType?: string;
  mutation: string;
}

function mutateObject(valid: unknown, schema: JsonSchema, resolve: Resolve): fc.Arbitrary<BodyCase> {
  const object = (valid && typeof valid === 'object' && !Array.isArray(valid) ? valid : {}) as Record<string, unknown>;
  const resolved = resolve(schema);
  const fields = Object.keys(resolved.properties ?? {});
  const required = resolved.required ?? [];
  const json = (value: unknown, mutation: string): BodyCase => ({ body: JSON.stringify(value), contentType: 'application/json', mutation });
  const cases: fc.WeightedArbitrary<BodyCase>[] = [{ arbitrary: fc.constant(json(object, 'valid')), weight: 2 }];
  if (required.length > 0) {
    const missing = fc.constantFrom(...required).map((name) => {
      const { [name]: _dropped, ...rest } = object;
      return json(rest, `missing ${name}`);
    });
    cases.push({ arbitrary: missing, weight: 1 });
  }
  cases.push({ arbitrary: hostileJsonValue.map((value) => json({ ...object, unexpected_field: value }, 'extra field')), weight: 1 });
  if (fields.length > 0) {
    // The likeliest way in: one field hostile, every other one valid, so validation of the rest passes.
    const hostileField = fc.tuple(fc.constantFrom(...fields), hostileJsonValue).map(([name, value]) => json({ ...object, [name]: value }, `hostile ${name}`));
    cases.push({ arbitrary: hostileField, weight: 4 });
  }
  return fc.oneof({ arbitrary: fc.oneof(...cases), weight: 6 }, { arbitrary: wholesaleBody(), weight: 2 });
}

/** Built as text: JSON.stringify itself overflows the stack this deep. */
const NESTED_10K = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;

function wholesaleBody(): fc.Arbitrary<BodyCase> {
  return fc.oneof(
    hostileJsonValue.map((value) => ({ body: JSON.stringify(value), contentType: 'application/json', mutation: 'hostile body' })),
    fc.constantFrom<BodyCase>(
      { body: '{"a":', contentType: 'application/json', mutation: 'truncated JSON' },
      { body: '', contentType: 'application/json', mutation: 'empty JSON body' },
      { body: '{"__proto__":{"admin":true}}', contentType: 'application/json', mutation: 'prototype pollution' },
      { body: NESTED_10K, contentType: 'application/json', mutation: 'nested 10,000 deep' },
      { body: 'name=x&slug=y', contentType: 'application/x-www-form-urlencoded', mutation: 'form body' },
      { body: 'hello', contentType: 'text/plain', mutation: 'text body' },
      { body: '<a/>', contentType: 'application/xml', mutation: 'xml body' },
      { body: '{"a":1}', contentType: 'application/json; charset=utf-16', mutation: 'odd charset' },
      { body: '{"a":1}', contentType: undefined, mutation: 'no content type' },
    ),
  );
}

function bodyCase(op: FuzzOperation, resolve: Resolve): fc.Arbitrary<BodyCase> {
  if (op.body) return arbitraryFor(op.body, resolve).chain((valid) => mutateObject(valid, op.body as JsonSchema, resolve));
  // Operations without a JSON body still get one now and then: it must be refused or ignored.
  return fc.oneof({ arbitrary: fc.constant<BodyCase>({ mutation: 'no body' }), weight: 4 }, { arbitrary: wholesaleBody(), weight: 1 });
}

/** Requests for one operation: from its schemas, and mutated off them. */
export function requestsFor(op: FuzzOperation, resolve: Resolve, ids: IdPool): fc.Arbitrary<FuzzRequest> {
  const path = fc.tuple(...op.pathParams.map(() => pathValue(ids))).map((values) => {
    let url = op.path;
    op.pathParams.forEach((param, i) => (url = url.replace(`{${param.name}}`, values[i].value)));
    return { url, hostile: values.some((v) => v.hostile) };
  });
  const caller = fc.constantFrom<Caller>('admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'none', 'garbage');
  return fc.tuple(path, queryString(op, resolve), bodyCase(op, resolve), caller).map(([p, q, b, who]) => ({
    operationId: op.operationId,
    method: op.method,
    url: `${p.url}${q.query}`,
    caller: who,
    contentType: b.contentType,
    body: b.body,
    mutation: [p.hostile ? 'hostile path' : '', q.hostile ? 'query' : '', b.mutation].filter(Boolean).join(', '),
  }));
}
