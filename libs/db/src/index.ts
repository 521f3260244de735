export { ensureDatabase, dropDatabase } from './database-admin.ts';
export { databaseUrlFor, databaseNameOf, schemaOf, redactUrl, defaultServerUrl } from './database-url.ts';
export { migrateDatabase, createMigration, unmigratedChanges } from './migrate.ts';
export type { MigrationPaths } from './migrate.ts';
export { migrationStatus, formatStatus } from './status.ts';
export type { MigrationStatus } from './status.ts';
export { createPrismaPg } from './prisma-pg.ts';
export { appPaths } from './app-paths.ts';
export { prismaGenerate, offlinePrismaEnv } from './prisma-generate.ts';
