import { databaseNameOf, serviceApps, type PlatformApp } from './apps.ts';
import { appSecrets, type Secrets } from './dev-secrets.ts';
import type { PortPlan } from './port-plan.ts';

/** Everything an app's environment is built from. */
export interface PlatformSettings {
  /** PostgreSQL server URL; the database name in it is replaced per app. */
  serverUrl: string;
  natsUrl: string;
  publicUrl: string;
  eventsStream: string;
  eventsSubjectPrefix: string;
  databasePrefix: string;
  logLevel: string;
  nodeEnv: string;
  /** Host the apps bind to and call each other on. */
  host: string;
  ports: PortPlan;
  secrets: Secrets;
  otelEndpoint?: string;
}

/** The database URL of one app: the server URL with `<prefix><app>` as the database. */
export function appDatabaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

/** Addresses every app may call: `AUTH_GRPC_URL`, …, and `AUTH_HTTP_URL`. */
export function serviceAddresses(settings: Pick<PlatformSettings, 'host' | 'ports'>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const app of serviceApps) {
    const ports = settings.ports.services[app.name];
    env[`${app.envName}_GRPC_URL`] = `${settings.host}:${ports.grpc}`;
    if (ports.http !== undefined) env[`${app.envName}_HTTP_URL`] = `http://${settings.host}:${ports.http}`;
  }
  return env;
}

/**
 * The environment one app is started with (docs/contracts.md): its own database, its
 * ports, NATS and the event stream, the public origin, the addresses of the others, and
 * only the secrets it reads.
 */
export function buildAppEnv(app: PlatformApp, settings: PlatformSettings): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: settings.nodeEnv,
    LOG_LEVEL: settings.logLevel,
    NATS_URL: settings.natsUrl,
    EVENTS_STREAM: settings.eventsStream,
    EVENTS_SUBJECT_PREFIX: settings.eventsSubjectPrefix,
    PUBLIC_URL: settings.publicUrl,
    OTEL_SERVICE_NAME: app.name,
    ...serviceAddresses(settings),
  };
  if (settings.otelEndpoint) env.OTEL_EXPORTER_OTLP_ENDPOINT = settings.otelEndpoint;
  else env.OTEL_SDK_DISABLED = 'true';

  if (app.kind === 'gateway') {
    env.GATEWAY_HOST = settings.host;
    env.GATEWAY_PORT = String(settings.ports.gateway);
  } else {
    const ports = settings.ports.services[app.name];
    env.DATABASE_URL = appDatabaseUrl(settings.serverUrl, databaseNameOf(app, settings.databasePrefix));
    env.GRPC_HOST = settings.host;
    env.GRPC_PORT = String(ports.grpc);
    env.OPS_HOST = settings.host;
    env.OPS_PORT = String(ports.ops);
    // The starter migrated every database already; an app need not run the engine again.
    env.MIGRATE_ON_START = 'false';
    if (ports.http !== undefined) env[`${app.envName}_HTTP_PORT`] = String(ports.http);
  }
  for (const [name, readers] of Object.entries(appSecrets)) {
    if (readers.includes(app.name) && settings.secrets[name]) env[name] = settings.secrets[name];
  }
  return env;
}

/** Settings only the starter reads: never handed to an app. */
const starterOnly = ['DATABASE_URL', 'DATABASE_PREFIX', 'SCAI_ADMIN_EMAIL', 'SCAI_ADMIN_PASSWORD', 'PORT_OFFSET', 'PLATFORM_START_TIMEOUT'];

/**
 * The full environment of a child: the starter's own (PATH, HOME, extra settings) without
 * the starter's settings and secrets, then the app's environment on top.
 */
export function childEnv(base: Record<string, string | undefined>, app: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  const hidden = new Set([...starterOnly, ...Object.keys(appSecrets)]);
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !hidden.has(name)) env[name] = value;
  }
  return { ...env, ...app };
}
