import { randomBytes } from 'node:crypto';
import { createDatabaseIfMissing, dropDatabase } from './database-admin.ts';
import { databaseUrlFor, defaultServerUrl } from './database-url.ts';
import { appPaths } from './app-paths.ts';
import { migrateDatabase, unmigratedChanges } from './migrate.ts';

/** The PostgreSQL server tests use: DATABASE_URL if set, else the local default. */
export function testServerUrl(): string {
  return process.env.DATABASE_URL || defaultServerUrl;
}

export interface TestDatabase {
  /** URL of the new, empty database (same server, user and parameters as the server URL). */
  url: string;
  /** Drops the database, ending open connections. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database `t_<prefix>_<random>` on the test server. Call `drop()` in
 * afterAll. Safe to use from test files running in parallel.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z\d]+/g, '_').slice(0, 30);
  const name = `t_${safePrefix}_${randomBytes(6).toString('hex')}`;
  const url = databaseUrlFor(testServerUrl(), name);
  await createDatabaseIfMissing(url, name);
  return { url, drop: () => dropDatabase(url) };
}

/** Applies the migrations of the app in `appDir` (prisma/migrations) to `databaseUrl`. */
export async function migrateTestDatabase(databaseUrl: string, appDir: string): Promise<string[]> {
  const { applied } = await migrateDatabase({ databaseUrl, ...appPaths(appDir) });
  return applied;
}

/** A migrated test database for the app in `appDir`; drop it in afterAll. */
export async function createMigratedTestDatabase(prefix: string, appDir: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  try {
    await migrateTestDatabase(db.url, appDir);
  } catch (error) {
    await db.drop();
    throw error;
  }
  return db;
}

/**
 * Throws when the app's prisma/schema.prisma has changes that no migration in
 * prisma/migrations covers; the message holds the missing SQL. For a test
 * "every schema change has a migration". Needs only the test server (for a shadow database).
 */
export async function assertMigrationsCoverSchema(appDir: string): Promise<void> {
  const changes = await unmigratedChanges({ databaseUrl: testServerUrl(), ...appPaths(appDir) });
  if (changes) {
    throw new Error(
      `prisma/schema.prisma in ${appDir} has changes that no migration covers. ` +
        `Run \`npm run migration:create -- <name>\` there. Missing SQL:\n\n${changes}`,
    );
  }
}
