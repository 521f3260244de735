import { existsSync } from 'node:fs';
import { appPaths, dropDatabase, migrateDatabase } from '@scai/db';
import { databaseNameOf, serviceApps } from './apps.ts';
import { appDatabaseUrl } from './app-env.ts';
import { appDir, repoRoot } from './repo-paths.ts';

export interface MigrateAllOptions {
  serverUrl: string;
  databasePrefix?: string;
  root?: string;
}

/** The apps that own a database with migrations, with their database URL and paths. */
export function migratableApps(options: MigrateAllOptions) {
  const root = options.root ?? repoRoot;
  return serviceApps
    .map((app) => ({
      app,
      databaseUrl: appDatabaseUrl(options.serverUrl, databaseNameOf(app, options.databasePrefix)),
      ...appPaths(appDir(app.name, root)),
    }))
    .filter((entry) => existsSync(entry.migrationsDir));
}

/**
 * Creates each app's database when missing and applies its pending migrations, one
 * app after the other (the wasm schema engine is heavy; two cores are shared).
 */
export async function migrateAll(
  options: MigrateAllOptions,
  log: (line: string) => void = () => undefined,
): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const entry of migratableApps(options)) {
    try {
      const result = await migrateDatabase(entry);
      applied[entry.app.name] = result.applied;
      if (result.applied.length > 0) log(`Migrated ${entry.app.name}: ${result.applied.join(', ')}`);
    } catch (error) {
      throw new Error(`Migrating ${entry.app.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return applied;
}

/** Drops every app database of the prefix (the e2e suite's clean-up). */
export async function dropDatabases(options: MigrateAllOptions): Promise<void> {
  for (const app of serviceApps) {
    await dropDatabase(appDatabaseUrl(options.serverUrl, databaseNameOf(app, options.databasePrefix)));
  }
}
