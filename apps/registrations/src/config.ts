import { bool, int, loadConfig, str, type ConfigOf } from '@scai/config';
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
};

export type RegistrationsConfig = ConfigOf<typeof registrationsSchema>;

export function loadRegistrationsConfig(env: Record<string, string | undefined> = process.env): RegistrationsConfig {
  return loadConfig(registrationsSchema, env);
}
