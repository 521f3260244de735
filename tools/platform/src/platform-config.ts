import { int, loadConfig, oneOf, optionalStr, port, str, url, type ConfigOf } from '@scai/config';

/** What the starter reads from its environment (all optional for `npm start`). */
export const platformSchema = {
  NODE_ENV: oneOf(['development', 'test', 'production'] as const, 'development'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  /** A PostgreSQL server URL; each app gets its own database on it. */
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/postgres', ['postgres', 'postgresql']),
  NATS_URL: url('nats://127.0.0.1:4222', ['nats', 'tls']),
  EVENTS_STREAM: str('SCAI_EVENTS'),
  EVENTS_SUBJECT_PREFIX: str('scai'),
  /** Each app's database is `<prefix><app>` on the DATABASE_URL server. */
  DATABASE_PREFIX: str('scai_'),
  GATEWAY_PORT: port(8080),
  /** Shifts every port of docs/contracts.md (a second platform beside the first). */
  PORT_OFFSET: int(0, { min: -40000, max: 10000 }),
  /** Public origin; the token issuers hang off it. Defaults to the gateway's origin. */
  PUBLIC_URL: optionalStr(),
  SCAI_ADMIN_EMAIL: str('admin@example.com'),
  SCAI_ADMIN_PASSWORD: optionalStr({ secret: true }),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalStr(),
  /** Seconds to wait for every app to become healthy. */
  PLATFORM_START_TIMEOUT: int(120, { min: 1, max: 3600 }),
};

export type PlatformConfig = ConfigOf<typeof platformSchema>;

export function loadPlatformConfig(env: Record<string, string | undefined>): PlatformConfig {
  return loadConfig(platformSchema, env);
}
