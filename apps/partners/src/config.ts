import { bool, loadConfig, port, serviceSchema, url, type ConfigOf } from '@scai/config';

export const partnersSchema = {
  ...serviceSchema,
  GRPC_PORT: port(50052),
  OPS_PORT: port(9102),
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/scai_partners', ['postgres', 'postgresql']),
  /** Apply pending migrations (creating the database if missing) before serving. */
  MIGRATE_ON_START: bool(true),
};

export type PartnersConfig = ConfigOf<typeof partnersSchema>;

export function loadPartnersConfig(env: Record<string, string | undefined> = process.env): PartnersConfig {
  return loadConfig(partnersSchema, env);
}
