import { loadConfig, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const meteringSchema = serviceConfigSchema({ database: 'scai_metering', grpcPort: 50055, opsPort: 9105 });

export type MeteringConfig = ConfigOf<typeof meteringSchema>;

export function loadMeteringConfig(env: Record<string, string | undefined> = process.env): MeteringConfig {
  return loadConfig(meteringSchema, env);
}
