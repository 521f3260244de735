import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reportCharColumnsAsText } from './char-as-text.ts';

type Result = { fields: { dataTypeID: number }[] };

function fakeClient(result: Result | Result[]) {
  return {
    query(...args: unknown[]): unknown {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        queueMicrotask(() => callback(null, result));
        return undefined;
      }
      return Promise.resolve(result);
    },
  };
}

describe('reportCharColumnsAsText', () => {
  it('reports "char" (OID 18) columns as text (OID 25) on promise calls', async () => {
    const client = fakeClient({ fields: [{ dataTypeID: 18 }, { dataTypeID: 23 }] });
    reportCharColumnsAsText(client as unknown as pg.PoolClient);
    const result = (await client.query('SELECT')) as Result;
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 23]);
  });

  it('does the same for callback calls (how pg.Pool#query calls its client) and multi-statement results', async () => {
    const client = fakeClient([{ fields: [{ dataTypeID: 18 }] }, { fields: [{ dataTypeID: 18 }] }]);
    reportCharColumnsAsText(client as unknown as pg.PoolClient);
    const result = await new Promise<Result[]>((resolve) =>
      client.query('SELECT', undefined, (_error: unknown, res: Result[]) => resolve(res)),
    );
    expect(result.flatMap((r) => r.fields.map((f) => f.dataTypeID))).toEqual([25, 25]);
  });
});
