import { withClient } from './database-admin.ts';
import { databaseNameOf, maintenanceUrlOf, redactUrl } from './database-url.ts';
import { unmigratedChanges, type MigrationPaths } from './migrate.ts';
import { MigrationAdapterFactory } from './migration-adapter.ts';
import { noFilter, readMigrationsList, readSchemaFile } from './migrations-dir.ts';
import { withSchemaEngine } from './schema-engine.ts';

export interface MigrationStatus {
  databaseUrl: string;
  /** False when the database of the URL does not exist yet (`deploy` creates it). */
  databaseExists: boolean;
  /** Migrations in the folder that the database has not applied. */
  pending: string[];
  /** Migrations recorded as failed in `_prisma_migrations`. */
  failed: string[];
  /** Applied migrations whose migration.sql changed since. */
  edited: string[];
  /** Migrations the database applied that the folder does not have. */
  unknown: string[];
  /** SQL for schema changes no migration covers; '' when none. */
  unmigratedChanges: string;
  /** Nothing of the above. */
  inSync: boolean;
}

async function databaseExists(databaseUrl: string): Promise<boolean> {
  return withClient(maintenanceUrlOf(databaseUrl), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseNameOf(databaseUrl)]);
    return Boolean(rowCount);
  });
}

/** Where the database stands against the migrations folder, and the folder against the schema. */
export async function migrationStatus(opts: MigrationPaths): Promise<MigrationStatus> {
  const changes = await unmigratedChanges(opts);
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  const exists = await databaseExists(opts.databaseUrl);
  let history = { pending: migrationsList.migrationDirectories.map((d) => d.path), failed: [] as string[], edited: [] as string[], unknown: [] as string[] };
  if (exists) {
    const factory = new MigrationAdapterFactory(opts.databaseUrl);
    const diagnosis = await withSchemaEngine(factory, [await readSchemaFile(opts.schemaPath)], (engine) =>
      engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilter }),
    ).finally(() => factory.cleanup());
    const h = diagnosis.history;
    history = {
      pending: h && h.diagnostic !== 'migrationsDirectoryIsBehind' ? h.unappliedMigrationNames : [],
      unknown: h && h.diagnostic !== 'databaseIsBehind' ? h.unpersistedMigrationNames : [],
      failed: diagnosis.failedMigrationNames,
      edited: diagnosis.editedMigrationNames,
    };
  }
  const inSync =
    exists && !changes && [history.pending, history.failed, history.edited, history.unknown].every((list) => list.length === 0);
  return { databaseUrl: opts.databaseUrl, databaseExists: exists, ...history, unmigratedChanges: changes, inSync };
}

/** A human-readable report of a status, for the CLI. */
export function formatStatus(status: MigrationStatus): string {
  const lines = [`Database ${redactUrl(status.databaseUrl)}${status.databaseExists ? '' : ' does not exist yet'}`];
  const list = (title: string, names: string[]) => {
    if (names.length) lines.push(`${title}:`, ...names.map((name) => `  ${name}`));
  };
  list('Pending migrations (scai-db deploy applies them)', status.pending);
  list('Failed migrations', status.failed);
  list('Migrations edited after they were applied', status.edited);
  list('Migrations applied to the database but missing from the folder', status.unknown);
  if (status.unmigratedChanges) {
    lines.push('Schema changes that no migration covers (scai-db create --name <name>):', '', status.unmigratedChanges);
  }
  if (status.inSync) lines.push('Up to date: the database has every migration, and the migrations cover the schema.');
  return lines.join('\n');
}
