import { bool, loadConfig, port, serviceSchema, url, type ConfigOf } from '@scai/config';

export const billingSchema = {
  ...serviceSchema,
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/scai_billing', ['postgres', 'postgresql']),
  GRPC_PORT: port(50054),
  OPS_PORT: port(9104),
  /** Apply pending migrations (creating the database if missing) before serving. */
  MIGRATE_ON_START: bool(true),
};

export type BillingConfig = ConfigOf<typeof billingSchema>;

export function loadBillingConfig(env: Record<string, string | undefined> = process.env): BillingConfig {
  return loadConfig(billingSchema, env);
}
