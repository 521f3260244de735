import { loadConfig } from '@scai/config';
import { describe, expect, it } from 'vitest';
import { serviceConfigSchema } from './service-config.ts';

const schema = serviceConfigSchema({ database: 'scai_sample', grpcPort: 50099, opsPort: 9199 });

describe('serviceConfigSchema', () => {
  it('defaults to the local database and ports of the app, migrating on start', () => {
    const config = loadConfig(schema, {});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/scai_sample',
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: 50099,
      OPS_HOST: '127.0.0.1',
      OPS_PORT: 9199,
      MIGRATE_ON_START: true,
      NATS_URL: 'nats://127.0.0.1:4222',
      EVENTS_STREAM: 'SCAI_EVENTS',
    });
  });

  it('reads the environment over the defaults', () => {
    const config = loadConfig(schema, { GRPC_PORT: '0', MIGRATE_ON_START: 'false', DATABASE_URL: 'postgres://db/x' });
    expect(config).toMatchObject({ GRPC_PORT: 0, MIGRATE_ON_START: false, DATABASE_URL: 'postgres://db/x' });
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig(schema, { DATABASE_URL: 'mysql://db/x' })).toThrow(
      'Configuration error: DATABASE_URL must be a URL (postgres, postgresql).',
    );
  });
});
