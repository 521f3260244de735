import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, withClient } from './database-admin.ts';
import { databaseUrlFor } from './database-url.ts';
import { createMigration, migrateDatabase, unmigratedChanges } from './migrate.ts';
import { formatStatus, migrationStatus } from './status.ts';
import { copySampleApp, samplePaths, type SampleCopy } from './test-support/sample-app.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from './testing.ts';

const databases: TestDatabase[] = [];
const copies: SampleCopy[] = [];

async function freshDatabase(): Promise<string> {
  const db = await createTestDatabase('dbmig');
  databases.push(db);
  return db.url;
}

/** A database name nobody created yet (dropped afterwards all the same). */
function unusedDatabase(): string {
  const url = databaseUrlFor(testServerUrl(), `t_dbmig_new_${randomBytes(6).toString('hex')}`);
  databases.push({ url, drop: () => dropDatabase(url) });
  return url;
}

async function freshCopy(): Promise<SampleCopy> {
  const copy = await copySampleApp();
  copies.push(copy);
  return copy;
}

afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  await Promise.all(copies.map((copy) => copy.remove()));
});

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql, params)).rows as T[]);
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

// The tests are independent (own databases, own copies), so they run concurrently.
describe.concurrent('migrateDatabase', () => {
  it('creates the database, applies the migrations and records them in _prisma_migrations like the Prisma CLI', async () => {
    const url = unusedDatabase();
    const [initName] = await readdir(samplePaths.migrationsDir).then((names) => names.filter((n) => n !== 'migration_lock.toml'));

    expect(await migrateDatabase({ databaseUrl: url, ...samplePaths })).toEqual({ applied: [initName] });

    const rows = await query<MigrationRow>(url, 'SELECT * FROM _prisma_migrations');
    const sql = await readFile(join(samplePaths.migrationsDir, initName, 'migration.sql'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      migration_name: initName,
      checksum: createHash('sha256').update(sql).digest('hex'),
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    expect(await query(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes' ORDER BY column_name")).toEqual([
      { column_name: 'body' },
      { column_name: 'created_at' },
      { column_name: 'id' },
      { column_name: 'title' },
    ]);

    // Running it again is a no-op.
    expect(await migrateDatabase({ databaseUrl: url, ...samplePaths })).toEqual({ applied: [] });
    expect(await query(url, 'SELECT migration_name FROM _prisma_migrations')).toHaveLength(1);
  });

  it('applies into the schema of ?schema=NAME', async () => {
    const url = `${await freshDatabase()}?schema=app`;
    expect((await migrateDatabase({ databaseUrl: url, ...samplePaths })).applied).toHaveLength(1);
    const tables = await query<{ table_schema: string; table_name: string }>(
      url,
      "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public', 'app') ORDER BY table_name",
    );
    expect(tables).toEqual([
      { table_schema: 'app', table_name: '_prisma_migrations' },
      { table_schema: 'app', table_name: 'notes' },
    ]);
    expect((await migrateDatabase({ databaseUrl: url, ...samplePaths })).applied).toEqual([]);
    expect(await unmigratedChanges({ databaseUrl: url, ...samplePaths })).toBe('');
  });

  it('sends a migration as one query: $$ bodies work and a failure leaves nothing half-applied', async () => {
    const copy = await freshCopy();
    const url = await freshDatabase();
    await mkdir(join(copy.migrationsDir, '29990101000000_functions'));
    await writeFile(
      join(copy.migrationsDir, '29990101000000_functions', 'migration.sql'),
      `CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN upper(t) || ';!';
END;
$$;
INSERT INTO notes (id, title) VALUES ('n;1', 'semi;colon');
`,
    );
    await migrateDatabase({ databaseUrl: url, ...copy });
    expect(await query(url, "SELECT shout('hi') AS s")).toEqual([{ s: 'HI;!' }]);
    expect(await query(url, 'SELECT id, title FROM notes')).toEqual([{ id: 'n;1', title: 'semi;colon' }]);

    await mkdir(join(copy.migrationsDir, '29990102000000_broken'));
    await writeFile(
      join(copy.migrationsDir, '29990102000000_broken', 'migration.sql'),
      'CREATE TABLE half (id int);\nSELECT 1 / 0;\n',
    );
    await expect(migrateDatabase({ databaseUrl: url, ...copy })).rejects.toThrow(/division by zero/);
    expect(await query(url, "SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
    const [failed] = await query<MigrationRow>(url, "SELECT * FROM _prisma_migrations WHERE migration_name = '29990102000000_broken'");
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/division by zero/);
  });

  it('works for several databases in parallel and serialises migrators of one database', async () => {
    const urls = [unusedDatabase(), unusedDatabase()];
    const results = await Promise.all([...urls, urls[0]].map((databaseUrl) => migrateDatabase({ databaseUrl, ...samplePaths })));
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1, 1]);
    for (const url of urls) expect(await query(url, 'SELECT 1 FROM _prisma_migrations')).toHaveLength(1);
  });
});

describe.concurrent('unmigratedChanges / createMigration', () => {
  it('finds nothing to do when the migrations cover the schema, without needing the database', async () => {
    const url = unusedDatabase();
    expect(await createMigration({ databaseUrl: url, ...samplePaths, name: 'nothing' })).toBeNull();
    expect(await query(testServerUrl(), 'SELECT 1 FROM pg_database WHERE datname = $1', [new URL(url).pathname.slice(1)])).toEqual([]);
  });

  it('detects a schema change without migration, writes one that applies, then is in sync', async () => {
    const copy = await freshCopy();
    const url = await freshDatabase();
    await migrateDatabase({ databaseUrl: url, ...copy });
    await copy.appendToSchema(`model Tag {
  id   String @id
  kind String @db.Char(1)

  @@map("tags")
}`);

    const folder = await createMigration({ databaseUrl: url, ...copy, name: 'addTags' });
    expect(folder).toMatch(/[/\\]\d{14}_add_tags$/);
    expect(await readFile(join(folder as string, 'migration.sql'), 'utf8')).toContain('CREATE TABLE "tags"');
    expect(await unmigratedChanges({ databaseUrl: url, ...copy })).toBe('');

    expect((await migrateDatabase({ databaseUrl: url, ...copy })).applied).toEqual([folder?.split(/[/\\]/).at(-1)]);
    expect(await query(url, "SELECT to_regclass('tags') AS t")).toEqual([{ t: 'tags' }]);
  });

  it('writes migration_lock.toml when the app has no migrations yet', async () => {
    const copy = await freshCopy();
    const url = unusedDatabase();
    await rm(copy.migrationsDir, { recursive: true });

    const folder = await createMigration({ databaseUrl: url, ...copy, name: 'init' });
    expect(folder).toMatch(/_init$/);
    expect(await readFile(join(copy.migrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
    expect((await migrateDatabase({ databaseUrl: url, ...copy })).applied).toHaveLength(1);
  });
});

describe.concurrent('migrationStatus', () => {
  it('reports a missing database, pending migrations and unmigrated changes, then up to date', async () => {
    const copy = await freshCopy();
    const url = unusedDatabase();
    await copy.appendToSchema('model Extra {\n  id Int @id\n}');

    const before = await migrationStatus({ databaseUrl: url, ...copy });
    expect(before).toMatchObject({ databaseExists: false, pending: [expect.stringMatching(/_init$/)], inSync: false });
    expect(before.unmigratedChanges).toContain('CREATE TABLE "Extra"');
    expect(formatStatus(before)).toMatch(/does not exist yet[\s\S]*Pending migrations[\s\S]*no migration covers/);

    await createMigration({ databaseUrl: url, ...copy, name: 'extra' });
    await migrateDatabase({ databaseUrl: url, ...copy });
    const after = await migrationStatus({ databaseUrl: url, ...copy });
    expect(after).toMatchObject({ databaseExists: true, pending: [], failed: [], edited: [], unknown: [], unmigratedChanges: '', inSync: true });
  });

  it('reports migrations edited after they were applied', async () => {
    const copy = await freshCopy();
    const url = unusedDatabase();
    await migrateDatabase({ databaseUrl: url, ...copy });
    const [init] = (await readdir(copy.migrationsDir)).filter((n) => n !== 'migration_lock.toml');
    const file = join(copy.migrationsDir, init, 'migration.sql');
    await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited\n`);
    const status = await migrationStatus({ databaseUrl: url, ...copy });
    expect(status).toMatchObject({ edited: [init], inSync: false });
  });
});
