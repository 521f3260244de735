import { loadConfig, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const billingSchema = serviceConfigSchema({ database: 'scai_billing', grpcPort: 50054, opsPort: 9104 });

export type BillingConfig = ConfigOf<typeof billingSchema>;

export function loadBillingConfig(env: Record<string, string | undefined> = process.env): BillingConfig {
  return loadConfig(billingSchema, env);
}
