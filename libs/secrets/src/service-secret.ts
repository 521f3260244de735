import { createHash } from 'node:crypto';
import { ConfigError } from '@scai/config';

/**
 * A secret setting of a service: required with NODE_ENV=production; elsewhere a fixed
 * value derived from a public label is used (and announced once), so `npm start` works
 * with no setup. Such values protect nothing and must never reach a shared environment.
 */
export function serviceSecret(
  setting: { name: string; value: string | undefined; nodeEnv: string },
  label: string,
  warn: (message: string) => void = console.warn,
  encoding: 'hex' | 'base64' = 'hex',
): string {
  if (setting.value) return setting.value;
  if (setting.nodeEnv === 'production') throw new ConfigError(`Configuration error: ${setting.name} is required in production.`);
  warn(`using a derived development value for ${setting.name} (NODE_ENV=${setting.nodeEnv}); set it outside development`);
  return createHash('sha256').update(`scai-local-development-${label}`).digest(encoding);
}
