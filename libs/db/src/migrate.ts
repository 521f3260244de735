import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { ensureDatabase, withClient } from './database-admin.ts';
import { maintenanceUrlOf, quoteIdent, schemaOf } from './database-url.ts';
import { MigrationAdapterFactory } from './migration-adapter.ts';
import { ensureLockfile, noFilter, readMigrationsList, readSchemaFile, writeMigration } from './migrations-dir.ts';
import { withSchemaEngine } from './schema-engine.ts';

export interface MigrationPaths {
  /** The database to migrate; `?schema=NAME` selects a PostgreSQL schema. */
  databaseUrl: string;
  /** `<app>/prisma/migrations` */
  migrationsDir: string;
  /** `<app>/prisma/schema.prisma` */
  schemaPath: string;
}

/** Arbitrary key of the advisory lock that serialises migrators of one database. */
const migrateLockKey = 0x5ca1db;

/**
 * Runs the schema engine on `connectionUrl`, cleaning up any shadow database it made.
 */
async function runEngine<T>(connectionUrl: string, schemaPath: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const factory = new MigrationAdapterFactory(connectionUrl);
  try {
    return await withSchemaEngine(factory, [await readSchemaFile(schemaPath)], fn);
  } finally {
    await factory.cleanup();
  }
}

/** The shadow database gets the URL's schema first, so unqualified migration SQL lands there. */
function shadowInitScript(databaseUrl: string): string {
  const schema = schemaOf(databaseUrl);
  return schema ? `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)};` : '';
}

/**
 * Creates the database if missing and applies the pending migrations, recording them in
 * `_prisma_migrations` like `prisma migrate deploy`. Idempotent; concurrent callers on the
 * same database wait for each other. Returns the names of the migrations applied now.
 */
export async function migrateDatabase(opts: MigrationPaths): Promise<{ applied: string[] }> {
  await ensureDatabase(opts.databaseUrl);
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  // The engine's own lock is per connection inside it; this one also covers the read of
  // the history, so two app instances starting together do not both apply a migration.
  return withClient(opts.databaseUrl, async (lock) => {
    await lock.query('SELECT pg_advisory_lock($1)', [migrateLockKey]);
    try {
      const { appliedMigrationNames } = await runEngine(opts.databaseUrl, opts.schemaPath, (engine) =>
        engine.applyMigrations({ migrationsList, filters: noFilter }),
      );
      return { applied: appliedMigrationNames };
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [migrateLockKey]);
    }
  });
}

/**
 * The SQL that would bring a database built from the migrations up to the schema, or ''
 * when the migrations cover the schema. Uses a temporary shadow database on the server of
 * `databaseUrl`; the database itself is neither needed nor touched.
 */
export async function unmigratedChanges(opts: MigrationPaths): Promise<string> {
  const migrationsList = await readMigrationsList(opts.migrationsDir, shadowInitScript(opts.databaseUrl));
  const schema = await readSchemaFile(opts.schemaPath);
  // The engine's main connection is unused by this diff; point it at the maintenance
  // database so the app database need not exist yet.
  const mainUrl = maintenanceUrlOf(opts.databaseUrl);
  const result = await runEngine(mainUrl, opts.schemaPath, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: noFilter,
    }),
  );
  // exitCode 2 means "non-empty diff"; an empty diff still prints a comment.
  return result.exitCode === 2 ? (result.stdout ?? '').trim() : '';
}

/**
 * Writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the changes of the
 * schema that the existing migrations do not cover (and `migration_lock.toml` when
 * missing). Returns the new folder, or null when there is nothing to migrate.
 */
export async function createMigration(opts: MigrationPaths & { name: string }): Promise<string | null> {
  const changes = await unmigratedChanges(opts);
  if (!changes) return null;
  await ensureLockfile(opts.migrationsDir);
  return writeMigration(opts.migrationsDir, opts.name, `${changes}\n`);
}
