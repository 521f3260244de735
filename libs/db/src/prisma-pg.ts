import { PrismaPg } from '@prisma/adapter-pg';
import type { PoolConfig } from 'pg';
import { pgConfigOf, schemaOf } from './database-url.ts';

/**
 * The driver adapter for an app's PrismaClient:
 * `new PrismaClient({ adapter: createPrismaPg(config.databaseUrl) })`.
 * Same as `new PrismaPg({ connectionString })`, and also honours `?schema=NAME`
 * (the generated queries and the session's search_path use that schema).
 */
export function createPrismaPg(connectionString: string, pool: Omit<PoolConfig, 'connectionString'> = {}): PrismaPg {
  const schema = schemaOf(connectionString);
  // The cast bridges @types/pg versions: adapter-pg is typed against its own, newer copy.
  const config = { ...pgConfigOf(connectionString), ...pool } as ConstructorParameters<typeof PrismaPg>[0];
  return new PrismaPg(config, schema ? { schema } : undefined);
}
