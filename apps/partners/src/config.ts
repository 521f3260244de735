import { loadConfig, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const partnersSchema = serviceConfigSchema({ database: 'scai_partners', grpcPort: 50052, opsPort: 9102 });

export type PartnersConfig = ConfigOf<typeof partnersSchema>;

export function loadPartnersConfig(env: Record<string, string | undefined> = process.env): PartnersConfig {
  return loadConfig(partnersSchema, env);
}
