import { loadConfig, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const provisioningSchema = serviceConfigSchema({ database: 'scai_provisioning', grpcPort: 50056, opsPort: 9106 });

export type ProvisioningConfig = ConfigOf<typeof provisioningSchema>;

export function loadProvisioningConfig(env: Record<string, string | undefined> = process.env): ProvisioningConfig {
  return loadConfig(provisioningSchema, env);
}
