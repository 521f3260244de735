import { fileURLToPath } from 'node:url';
import { loadConfig } from '@scai/config';
import pg from 'pg';
import { createService, type Service } from '../create-service.ts';
import { serviceConfigSchema } from '../service-config.ts';
import type { ServiceContext, ServiceDb, ServiceParts } from '../service-parts.ts';

/** A service app reduced to its prisma/ folder: one table, one migration. */
export const sampleAppDir = fileURLToPath(new URL('../../test-fixtures/sample', import.meta.url));

export const sampleSchema = serviceConfigSchema({ database: 'scai_sample', grpcPort: 50099, opsPort: 9199 });

/** Stands in for a generated Prisma client: raw queries over `pg`, and whether it was disconnected. */
export interface SampleDb extends ServiceDb {
  readonly disconnected: boolean;
}

export function createSampleDb(databaseUrl: string): SampleDb {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The test drops its database WITH (FORCE); idle connections then report the expected termination.
  pool.on('error', () => undefined);
  let disconnected = false;
  return {
    $executeRawUnsafe: async (text, ...values) => (await pool.query(text, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await pool.query(text, values)).rows as T,
    // The sample has no outbox: the relay's batches fail (logged, retried) and change nothing.
    $transaction: () => Promise.reject(new Error('the sample service has no outbox')),
    async $disconnect() {
      disconnected = true;
      await pool.end();
    },
    get disconnected() {
      return disconnected;
    },
  };
}

export interface SampleApp extends Service {
  /** What `register` was given, once started. */
  readonly context: ServiceContext<unknown, SampleDb> | undefined;
}

/** The sample as an app: `register` hands back `parts(context)`, and the context is kept for the test. */
export function createSampleApp(
  env: Record<string, string>,
  logger: ServiceContext<unknown, SampleDb>['logger'],
  parts: (context: ServiceContext<unknown, SampleDb>) => Promise<ServiceParts> = async () => ({}),
): Promise<SampleApp> {
  let context: ServiceContext<unknown, SampleDb> | undefined;
  const service = createService({
    name: 'sample',
    config: loadConfig(sampleSchema, env),
    appDir: sampleAppDir,
    createPrisma: createSampleDb,
    logger,
    register: async (given) => {
      context = given;
      return parts(given);
    },
  });
  return Promise.resolve({
    start: () => service.start(),
    stop: () => service.stop(),
    get grpcPort() {
      return service.grpcPort;
    },
    get opsPort() {
      return service.opsPort;
    },
    get context() {
      return context;
    },
  });
}
