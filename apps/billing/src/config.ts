import { fileURLToPath } from 'node:url';
import { loadConfig, str, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

/** The catalog `npm start` ships; an empty CATALOG_FILE seeds nothing. */
export const DEFAULT_CATALOG_FILE = fileURLToPath(new URL('../catalog/default.yaml', import.meta.url));

export const billingSchema = {
  ...serviceConfigSchema({ database: 'scai_billing', grpcPort: 50054, opsPort: 9104 }),
  CATALOG_FILE: str(DEFAULT_CATALOG_FILE),
  PARTNERS_GRPC_URL: str('127.0.0.1:50052'),
};

export type BillingConfig = ConfigOf<typeof billingSchema>;

export function loadBillingConfig(env: Record<string, string | undefined> = process.env): BillingConfig {
  return loadConfig(billingSchema, env);
}
