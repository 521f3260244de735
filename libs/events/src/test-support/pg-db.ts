import pg from 'pg';
import type { SqlClient, TransactionalDb } from '../sql-client.ts';

/** The `pg` equivalent of a Prisma client's raw methods, so tests need no generated client. */
function sqlClient(run: (query: string, values: unknown[]) => Promise<pg.QueryResult>): SqlClient {
  return {
    async $executeRawUnsafe(query, ...values) {
      return (await run(query, values)).rowCount ?? 0;
    },
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> {
      return (await run(query, values)).rows as T;
    },
  };
}

export interface PgDb extends TransactionalDb {
  end(): Promise<void>;
}

export function createPgDb(connectionString: string): PgDb {
  const pool = new pg.Pool({ connectionString, max: 5 });
  // The test database is dropped WITH (FORCE) at the end, and the server's "terminating
  // connection" can reach an idle pooled connection (reported on the pool) or one that
  // `pool.end()` already let go of but that is still closing (reported on the client).
  // Both are the expected end of a test, not failures.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return {
    ...sqlClient((query, values) => pool.query(query, values)),
    async $transaction<R>(fn: (tx: SqlClient) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(sqlClient((query, values) => client.query(query, values)));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}
