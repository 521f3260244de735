import { createHash } from 'node:crypto';
import { bool, ConfigError, int, loadConfig, optionalStr, str, type ConfigOf } from '@scai/config';
import { serviceConfigSchema } from '@scai/service';

export const registrationsSchema = {
  ...serviceConfigSchema({ database: 'scai_registrations', grpcPort: 50053, opsPort: 9103 }),
  /** The auth app: creates the application when a request is approved. */
  AUTH_GRPC_URL: str('127.0.0.1:50051'),
  /** The partners app: resolves a tenant's partner when a TENANT request is filed. */
  PARTNERS_GRPC_URL: str('127.0.0.1:50052'),
  /** A PENDING request expires this many days after it was filed. */
  REGISTRATION_TTL_DAYS: int(30, { min: 1, max: 3650 }),
  /** How often the expiry job looks for overdue PENDING requests. */
  REGISTRATION_EXPIRY_INTERVAL_MS: int(60_000, { min: 100, max: 86_400_000 }),
  /** Platform setting: the requester may not approve their own request (a second admin must). */
  REGISTRATION_REQUIRE_SECOND_ADMIN: bool(false),
  /** Pepper of the keyed hash of public requests' status tokens. Required in production. */
  STATUS_TOKEN_PEPPER: optionalStr({ secret: true }),
  /**
   * 32 bytes, base64: encrypts a PUBLIC request's client secret between approval and the
   * requester's first status read. Required in production.
   */
  CREDENTIALS_ENCRYPTION_KEY: optionalStr({ secret: true }),
};

export type RegistrationsConfig = ConfigOf<typeof registrationsSchema>;

export function loadRegistrationsConfig(env: Record<string, string | undefined> = process.env): RegistrationsConfig {
  return loadConfig(registrationsSchema, env);
}

/** The secrets the app runs with, after the development defaults were applied. */
export interface RegistrationsSecrets {
  statusTokenPepper: string;
  /** 32 bytes. */
  credentialsKey: Buffer;
}

function devDefault(label: string): Buffer {
  return createHash('sha256').update(`scai-local-development-${label}`).digest();
}

function parseKey(encoded: string): Buffer {
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== 32) throw new ConfigError('Configuration error: CREDENTIALS_ENCRYPTION_KEY must be 32 bytes, base64-encoded.');
  return key;
}

/**
 * Production requires both secrets. Elsewhere fixed values derived from public labels are
 * used (as the auth app does) and announced once, so `npm start` works with no setup; such
 * values protect nothing and must never reach a shared environment.
 */
export function resolveSecrets(config: RegistrationsConfig, warn: (message: string) => void = console.warn): RegistrationsSecrets {
  const missing = (['STATUS_TOKEN_PEPPER', 'CREDENTIALS_ENCRYPTION_KEY'] as const).filter((key) => !config[key]);
  if (missing.length && config.NODE_ENV === 'production') {
    throw new ConfigError(`Configuration error: ${missing[0]} is required in production.`);
  }
  if (missing.length) warn(`registrations: using derived development values for ${missing.join(', ')} (NODE_ENV=${config.NODE_ENV}); set them outside development`);
  return {
    statusTokenPepper: config.STATUS_TOKEN_PEPPER ?? devDefault('status-token-pepper').toString('hex'),
    credentialsKey: config.CREDENTIALS_ENCRYPTION_KEY ? parseKey(config.CREDENTIALS_ENCRYPTION_KEY) : devDefault('credentials-encryption-key'),
  };
}
