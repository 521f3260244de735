import pg from 'pg';
import { databaseNameOf, maintenanceUrlOf, pgConfigOf, quoteIdent, schemaOf } from './database-url.ts';

/** PostgreSQL error codes a concurrent creator of the same database or schema gets. */
const alreadyExists = new Set(['42P04', '42P06', '23505']);

function isPgError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Runs `fn` with a single connection to `databaseUrl`, closed afterwards. */
export async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigOf(databaseUrl));
  // A connection ended by the server (e.g. a forced DROP DATABASE) also fails the pending
  // query, which is where it is reported; without a listener the event would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the database `name` on the server of `serverUrl` unless it exists. */
export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<boolean> {
  return withClient(maintenanceUrlOf(serverUrl), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      // Someone else (another test file, another instance) created it meanwhile.
      if (isPgError(error) && alreadyExists.has(error.code)) return false;
      throw error;
    }
  });
}

/**
 * Creates the database of `databaseUrl` if it does not exist (through the `postgres`
 * database of the same server), and the schema of `?schema=NAME` in it.
 */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await createDatabaseIfMissing(databaseUrl, databaseNameOf(databaseUrl));
  const schema = schemaOf(databaseUrl);
  if (schema) await ensureSchema(databaseUrl, schema);
}

async function ensureSchema(databaseUrl: string, schema: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    } catch (error) {
      if (!(isPgError(error) && alreadyExists.has(error.code))) throw error;
    }
  });
}

/**
 * Drops the database of `databaseUrl` if it exists, ending its open connections
 * (`WITH (FORCE)`, PostgreSQL 13+).
 */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = databaseNameOf(databaseUrl);
  await withClient(maintenanceUrlOf(databaseUrl), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
}
