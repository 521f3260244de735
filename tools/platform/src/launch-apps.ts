import { gatewayApp, serviceApps } from './apps.ts';
import { childEnv } from './app-env.ts';
import type { PlatformApps } from './platform-apps.ts';
import { waitHealthy, type HealthProbe } from './wait-healthy.ts';

export interface LaunchOptions {
  /** What every child inherits (PATH, …) under its own environment. */
  baseEnv: Record<string, string | undefined>;
  appEnv: Record<string, Record<string, string>>;
  gatewayHealthUrl: string;
  timeoutMs: number;
  signal: AbortSignal;
  say: (line: string) => void;
}

/**
 * Starts the services together and waits for their gRPC health, then the gateway and
 * its health route. A child that exits or never gets healthy fails the launch with its
 * last lines; an abort fails it with the abort reason.
 */
export async function launchApps(apps: PlatformApps, options: LaunchOptions): Promise<void> {
  const aborted = new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve(), { once: true }));
  const start = async (name: string, probe: HealthProbe) => {
    const child = apps.start(name, childEnv(options.baseEnv, options.appEnv[name]));
    await waitHealthy(probe, { timeoutMs: options.timeoutMs, abandon: Promise.race([child.exited, aborted]) }).catch((error: Error) => {
      options.signal.throwIfAborted();
      const tail = child.recentLines().slice(-15);
      throw new Error(`${name} did not start: ${error.message}.${tail.length ? `\nIts last lines:\n  ${tail.join('\n  ')}` : ''}`);
    });
  };
  options.say(`Starting ${serviceApps.map((app) => app.name).join(', ')} …`);
  await Promise.all(
    serviceApps.map((app) => start(app.name, { kind: 'grpc', address: options.appEnv[app.name][`${app.envName}_GRPC_URL`] })),
  );
  options.signal.throwIfAborted();
  await start(gatewayApp.name, { kind: 'http', url: options.gatewayHealthUrl });
  options.signal.throwIfAborted();
}
