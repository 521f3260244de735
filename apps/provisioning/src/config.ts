import { bool, loadConfig, port, serviceSchema, url, type ConfigOf } from '@scai/config';

export const provisioningSchema = {
  ...serviceSchema,
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/scai_provisioning', ['postgres', 'postgresql']),
  GRPC_PORT: port(50056),
  OPS_PORT: port(9106),
  /** Apply pending migrations (creating the database if missing) before serving. */
  MIGRATE_ON_START: bool(true),
};

export type ProvisioningConfig = ConfigOf<typeof provisioningSchema>;

export function loadProvisioningConfig(env: Record<string, string | undefined> = process.env): ProvisioningConfig {
  return loadConfig(provisioningSchema, env);
}
