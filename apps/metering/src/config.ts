import { bool, loadConfig, port, serviceSchema, url, type ConfigOf } from '@scai/config';

export const meteringSchema = {
  ...serviceSchema,
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/scai_metering', ['postgres', 'postgresql']),
  GRPC_PORT: port(50055),
  OPS_PORT: port(9105),
  /** Apply pending migrations (creating the database if missing) before serving. */
  MIGRATE_ON_START: bool(true),
};

export type MeteringConfig = ConfigOf<typeof meteringSchema>;

export function loadMeteringConfig(env: Record<string, string | undefined> = process.env): MeteringConfig {
  return loadConfig(meteringSchema, env);
}
