import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClient } from './database-admin.ts';
import { MigrationAdapterFactory } from './migration-adapter.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from './testing.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('dbadapter');
});

afterAll(async () => {
  await db.drop();
});

async function databaseExists(name: string): Promise<boolean> {
  return withClient(testServerUrl(), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return Boolean(rowCount);
  });
}

const noArgs = { args: [], argTypes: [] };

describe.concurrent('MigrationAdapterFactory', () => {
  it('reads "char" (OID 18) columns, which the stock adapter rejects', async () => {
    const factory = new MigrationAdapterFactory(db.url);
    const adapter = await factory.connect();
    try {
      const result = await adapter.queryRaw({ sql: `SELECT 'p'::"char" AS kind`, ...noArgs });
      expect(result.rows).toEqual([['p']]);
    } finally {
      await factory.cleanup();
    }
  });

  it('runs a script as one statement batch, keeping semicolons inside literals and $$ bodies', async () => {
    const factory = new MigrationAdapterFactory(db.url);
    const adapter = await factory.connect();
    try {
      await adapter.executeScript(
        `CREATE TABLE script_test (v text); INSERT INTO script_test VALUES ('a;b');
         DO $$ BEGIN INSERT INTO script_test VALUES ('c;d'); END; $$;`,
      );
      const result = await adapter.queryRaw({ sql: 'SELECT v FROM script_test ORDER BY v', ...noArgs });
      expect(result.rows).toEqual([['a;b'], ['c;d']]);
    } finally {
      await factory.cleanup();
    }
  });

  it('connects the shadow to a separate new database and drops it after closing', async () => {
    const factory = new MigrationAdapterFactory(db.url);
    const shadow = await factory.connectToShadowDb();
    const result = await shadow.queryRaw({ sql: 'SELECT current_database()', ...noArgs });
    const shadowName = String(result.rows[0][0]);
    expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);
    expect(await databaseExists(shadowName)).toBe(true);

    await shadow.dispose();
    expect(await databaseExists(shadowName)).toBe(false);
    await factory.cleanup();
  });

  it('cleanup() drops shadow databases the engine did not dispose', async () => {
    const factory = new MigrationAdapterFactory(db.url);
    const shadow = await factory.connectToShadowDb();
    const shadowName = String((await shadow.queryRaw({ sql: 'SELECT current_database()', ...noArgs })).rows[0][0]);
    await factory.cleanup();
    expect(await databaseExists(shadowName)).toBe(false);
  });
});
