import type pg from 'pg';

const charOid = 18;
const textOid = 25;

type QueryFn = (...args: unknown[]) => unknown;
type FieldsCarrier = { fields?: { dataTypeID: number }[] };

function charColumnsAsText(result: unknown): unknown {
  for (const part of Array.isArray(result) ? result : [result]) {
    for (const field of (part as FieldsCarrier | undefined)?.fields ?? []) {
      if (field.dataTypeID === charOid) field.dataTypeID = textOid;
    }
  }
  return result;
}

/**
 * @prisma/adapter-pg 7.10.1 has no column type for PostgreSQL's internal `"char"` (OID 18),
 * which the schema engine's introspection of pg_catalog returns (e.g. constraint kinds),
 * and fails with "Unsupported column type". This reports such columns as text on the
 * given connection; their values are single-character strings either way. Attach with
 * `pool.on('connect', reportCharColumnsAsText)`; covers promise and callback calls.
 */
export function reportCharColumnsAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  const patched: QueryFn = (...args) => {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) => callback(error, error ? result : charColumnsAsText(result));
      return query(...args);
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(charColumnsAsText) : result;
  };
  Object.assign(client, { query: patched });
}
