import { join } from 'node:path';

/** Where an app keeps its Prisma schema and migrations (docs/contracts.md). */
export function appPaths(appDir: string): { schemaPath: string; migrationsDir: string } {
  return {
    schemaPath: join(appDir, 'prisma', 'schema.prisma'),
    migrationsDir: join(appDir, 'prisma', 'migrations'),
  };
}
