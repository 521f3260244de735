import { fileURLToPath } from 'node:url';
import { bool, int, loadConfig, str, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

/** The catalog `npm start` ships; an empty CATALOG_FILE seeds nothing. */
export const DEFAULT_CATALOG_FILE = fileURLToPath(new URL('../catalog/default.yaml', import.meta.url));

export const billingSchema = {
  ...serviceConfigSchema({ database: 'scai_billing', grpcPort: 50054, opsPort: 9104 }),
  CATALOG_FILE: str(DEFAULT_CATALOG_FILE),
  PARTNERS_GRPC_URL: str('127.0.0.1:50052'),
  /** How often the subscription jobs (trial conversion, reaper, renewals, dunning, trial notices) look for due work. */
  JOBS_INTERVAL_MS: int(60_000, { min: 100, max: 3_600_000 }),
  /** Days a subscription may stay past due before it is suspended. */
  DUNNING_SUSPEND_DAYS: int(14, { min: 1, max: 365 }),
  /** Serves testing.v1.TestClockService so end-to-end tests can move time; refused with NODE_ENV=production. */
  TEST_CLOCK_CONTROL: bool(false),
};

export type BillingConfig = ConfigOf<typeof billingSchema>;

export function loadBillingConfig(env: Record<string, string | undefined> = process.env): BillingConfig {
  return loadConfig(billingSchema, env);
}
