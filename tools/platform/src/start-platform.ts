import { buildAppEnv, childEnv, type PlatformSettings } from './app-env.ts';
import { gatewayApp, serviceApps } from './apps.ts';
import { ensureDevSecrets, requireProductionSecrets } from './dev-secrets.ts';
import { ensureSuperAdmin } from './ensure-admin.ts';
import { generateCode } from './generate-code.ts';
import { gatewayUrls, readyBanner, type GatewayUrls } from './gateway-urls.ts';
import type { LogMode } from './log-lines.ts';
import { dropDatabases, migrateAll } from './migrate-all.ts';
import { loadPlatformConfig } from './platform-config.ts';
import { PlatformApps } from './platform-apps.ts';
import { planPorts } from './port-plan.ts';
import { checkDependencies } from './preflight.ts';
import { devSecretsFile } from './repo-paths.ts';
import { waitHealthy, type HealthProbe } from './wait-healthy.ts';

export interface StartPlatformOptions {
  /** Settings on top of process.env (DATABASE_URL, NATS_URL, EVENTS_STREAM, SCAI_ADMIN_*, …). */
  env?: Record<string, string>;
  /** Default GATEWAY_PORT, else 8080 + portOffset. */
  gatewayPort?: number;
  /** Added to every port of docs/contracts.md (default PORT_OFFSET, else 0). */
  portOffset?: number;
  /** Databases are `<prefix><app>` (default `scai_`). */
  databasePrefix?: string;
  /** `inherit` prints the apps' lines and the banner; `quiet` prints nothing. */
  log?: LogMode;
  /** Drop the apps' databases in stop() (for test platforms). */
  dropDatabasesOnStop?: boolean;
  /** Grace period between SIGTERM and SIGKILL (default 10 s). */
  stopTimeoutMs?: number;
  /** Aborting during start-up stops what was started and rejects. */
  signal?: AbortSignal;
}

export interface RunningPlatform {
  gatewayUrl: string;
  urls: GatewayUrls;
  adminEmail: string;
  /** '' when the admin already existed and SCAI_ADMIN_PASSWORD is unset. */
  adminPassword: string;
  /** Every app's environment, by app name (for tests that talk to a service directly). */
  appEnv: Record<string, Record<string, string>>;
  /** Stops every app (SIGTERM, then SIGKILL after the grace period). Idempotent. */
  stop(): Promise<void>;
  /** Drops the apps' databases; call after stop(). */
  dropDatabases(): Promise<void>;
  /** Rejects with a message when an app dies unexpectedly (the others are stopped by then). */
  done: Promise<void>;
}

/**
 * Runs the whole platform the way `npm start` does: checks PostgreSQL and NATS,
 * generates missing code, migrates every database, starts every app as a child
 * process, waits until each is healthy and makes sure the super admin exists.
 */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<RunningPlatform> {
  const env = { ...process.env, ...options.env };
  const config = loadPlatformConfig(env);
  const log = options.log ?? 'inherit';
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const say = (line: string) => log === 'inherit' && write(line);
  const ports = planPorts({
    portOffset: options.portOffset ?? config.PORT_OFFSET,
    gatewayPort: options.gatewayPort ?? (env.GATEWAY_PORT ? config.GATEWAY_PORT : undefined),
  });
  const origin = `http://127.0.0.1:${ports.gateway}`;
  const databasePrefix = options.databasePrefix ?? config.DATABASE_PREFIX;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;

  const signal = options.signal ?? new AbortController().signal;
  const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

  await checkDependencies(config.DATABASE_URL, config.NATS_URL);
  const secrets = config.NODE_ENV === 'production' ? requireProductionSecrets(env) : await ensureDevSecrets(devSecretsFile(), env);
  await generateCode(say);
  signal.throwIfAborted();
  await migrateAll({ serverUrl: config.DATABASE_URL, databasePrefix }, say);
  signal.throwIfAborted();

  const settings: PlatformSettings = {
    serverUrl: config.DATABASE_URL,
    natsUrl: config.NATS_URL,
    publicUrl: (config.PUBLIC_URL ?? origin).replace(/\/+$/, ''),
    eventsStream: config.EVENTS_STREAM,
    eventsSubjectPrefix: config.EVENTS_SUBJECT_PREFIX,
    databasePrefix,
    logLevel: config.LOG_LEVEL,
    nodeEnv: config.NODE_ENV,
    host: '127.0.0.1',
    ports,
    secrets,
    otelEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
  const appEnv = Object.fromEntries([...serviceApps, gatewayApp].map((app) => [app.name, buildAppEnv(app, settings)]));
  const apps = new PlatformApps(log, write);
  const urls = gatewayUrls(origin);
  const timeoutMs = config.PLATFORM_START_TIMEOUT * 1000;
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= apps.stopAll(stopTimeoutMs));
  const drop = () => dropDatabases({ serverUrl: config.DATABASE_URL, databasePrefix });

  try {
    const start = async (name: string, probe: HealthProbe) => {
      const child = apps.start(name, childEnv(env, appEnv[name]));
      await waitHealthy(probe, { timeoutMs, abandon: Promise.race([child.exited, aborted]) }).catch((error: Error) => {
        signal.throwIfAborted();
        const tail = child.recentLines().slice(-15);
        throw new Error(`${name} did not start: ${error.message}.${tail.length ? `\nIts last lines:\n  ${tail.join('\n  ')}` : ''}`);
      });
    };
    say(`Starting ${serviceApps.map((app) => app.name).join(', ')} …`);
    await Promise.all(serviceApps.map((app) => start(app.name, { kind: 'grpc', address: appEnv[app.name][`${app.envName}_GRPC_URL`] })));
    signal.throwIfAborted();
    await start(gatewayApp.name, { kind: 'http', url: urls.health });
    signal.throwIfAborted();
    const admin = await ensureSuperAdmin(appEnv.auth.AUTH_GRPC_URL, config.SCAI_ADMIN_EMAIL, config.SCAI_ADMIN_PASSWORD);
    for (const line of readyBanner(urls, admin)) say(line);

    const done = apps.crashed.then(async (message) => {
      await stop();
      throw new Error(message);
    });
    done.catch(() => undefined);
    return {
      gatewayUrl: origin,
      urls,
      adminEmail: admin.email,
      adminPassword: admin.password,
      appEnv,
      stop: async () => {
        await stop();
        if (options.dropDatabasesOnStop) await drop();
      },
      dropDatabases: drop,
      done,
    };
  } catch (error) {
    await stop();
    if (options.dropDatabasesOnStop) await drop().catch(() => undefined);
    throw error;
  }
}
