import { appControl, type AppControl } from './app-control.ts';
import { buildAppEnv } from './app-env.ts';
import { platformApps } from './apps.ts';
import { ensureDevSecrets, requireProductionSecrets, type Secrets } from './dev-secrets.ts';
import { ensureSuperAdmin } from './ensure-admin.ts';
import { deleteEventsStream } from './events-stream.ts';
import { generateCode } from './generate-code.ts';
import { gatewayUrls, readyBanner, type GatewayUrls } from './gateway-urls.ts';
import { launchApps } from './launch-apps.ts';
import type { LogMode } from './log-lines.ts';
import { dropDatabases, migrateAll } from './migrate-all.ts';
import { PlatformApps } from './platform-apps.ts';
import { planPlatform, settingsOf, type PlanOptions, type PlatformPlan } from './platform-plan.ts';
import { checkDependencies } from './preflight.ts';
import { devSecretsFile } from './repo-paths.ts';

export interface StartPlatformOptions extends PlanOptions {
  /** `inherit` prints the apps' lines and the banner; `quiet` prints nothing. */
  log?: LogMode;
  /** Drop the apps' databases in stop() (for test platforms). */
  dropDatabasesOnStop?: boolean;
  /** Delete EVENTS_STREAM in stop() (for test platforms with their own stream). */
  deleteStreamOnStop?: boolean;
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
  /** Stops every app (SIGTERM, then SIGKILL after the grace period), then the clean-up options. */
  stop(): Promise<void>;
  /** Drops the apps' databases; call after stop(). */
  dropDatabases(): Promise<void>;
  /** Deletes the platform's EVENTS_STREAM; call after stop(). */
  deleteEventsStream(): Promise<void>;
  /** Rejects with a message when an app dies unexpectedly (the others are stopped by then). */
  done: Promise<void>;
  /** Kill, restart or add single app processes (crash tests). */
  apps: AppControl;
}

/** Dependencies up, secrets at hand, code generated, every database migrated. */
async function prepare(plan: PlatformPlan, say: (line: string) => void, signal: AbortSignal): Promise<Secrets> {
  const { config, env } = plan;
  await checkDependencies(config.DATABASE_URL, config.NATS_URL);
  const secrets = config.NODE_ENV === 'production' ? requireProductionSecrets(env) : await ensureDevSecrets(devSecretsFile(), env);
  await generateCode(say);
  signal.throwIfAborted();
  await migrateAll({ serverUrl: config.DATABASE_URL, databasePrefix: plan.databasePrefix }, say);
  signal.throwIfAborted();
  return secrets;
}

/**
 * Runs the whole platform the way `npm start` does: checks PostgreSQL and NATS,
 * generates missing code, migrates every database, starts every app as a child
 * process, waits until each is healthy and makes sure the super admin exists.
 */
export async function startPlatform(options: StartPlatformOptions = {}): Promise<RunningPlatform> {
  const plan = planPlatform(options);
  const { config } = plan;
  const log = options.log ?? 'inherit';
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const say = (line: string) => void (log === 'inherit' && write(line));
  const signal = options.signal ?? new AbortController().signal;

  const settings = settingsOf(plan, await prepare(plan, say, signal));
  const appEnv = Object.fromEntries(platformApps.map((app) => [app.name, buildAppEnv(app, settings)]));
  const urls = gatewayUrls(plan.origin);
  const apps = new PlatformApps(log, write);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= apps.stopAll(options.stopTimeoutMs ?? 10_000));
  const drop = () => dropDatabases({ serverUrl: config.DATABASE_URL, databasePrefix: plan.databasePrefix });
  const deleteStream = () => deleteEventsStream(config.NATS_URL, config.EVENTS_STREAM);
  const cleanUp = async () => {
    if (options.dropDatabasesOnStop) await drop();
    if (options.deleteStreamOnStop) await deleteStream();
  };

  try {
    const timeoutMs = config.PLATFORM_START_TIMEOUT * 1000;
    await launchApps(apps, { baseEnv: plan.env, appEnv, gatewayHealthUrl: urls.health, timeoutMs, signal, say });
    const admin = await ensureSuperAdmin(appEnv.auth.AUTH_GRPC_URL, config.SCAI_ADMIN_EMAIL, config.SCAI_ADMIN_PASSWORD);
    for (const line of readyBanner(urls, admin)) say(line);
    const done = apps.crashed.then(async (message) => {
      await stop();
      throw new Error(message);
    });
    done.catch(() => undefined);
    return {
      gatewayUrl: plan.origin,
      urls,
      adminEmail: admin.email,
      adminPassword: admin.password,
      appEnv,
      stop: async () => {
        await stop();
        await cleanUp();
      },
      dropDatabases: drop,
      deleteEventsStream: deleteStream,
      done,
      apps: appControl({ apps, baseEnv: plan.env, appEnv, timeoutMs }),
    };
  } catch (error) {
    await stop();
    await cleanUp().catch(() => undefined);
    throw error;
  }
}
