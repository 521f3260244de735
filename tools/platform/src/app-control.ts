import { childEnv } from './app-env.ts';
import { gatewayApp } from './apps.ts';
import type { ChildExit } from './child-app.ts';
import { gatewayPaths } from './gateway-urls.ts';
import type { PlatformApps } from './platform-apps.ts';
import { waitHealthy, type HealthProbe } from './wait-healthy.ts';

export interface StartAppOptions {
  /** Which app to run; default `name` (an extra instance names its app: `{ app: 'partners' }`). */
  app?: string;
  /** Settings on top of the app's own environment (another GRPC_PORT, another NATS_URL, …). */
  env?: Record<string, string>;
}

/** What a test does to single apps of a running platform (crash tests). */
export interface AppControl {
  /**
   * Sends `signal` (default SIGKILL) to the newest process started under `name` and
   * resolves once it is gone. The exit is expected: it does not stop the platform.
   */
  kill(name: string, signal?: NodeJS.Signals): Promise<ChildExit>;
  /**
   * Starts `name` (again, or as an extra instance) with its platform environment plus
   * `options.env`, resolving once it is healthy. Stopped with the platform.
   */
  start(name: string, options?: StartAppOptions): Promise<void>;
  /** The environment `name` was last started with. */
  envOf(name: string): Record<string, string>;
}

export interface AppControlDeps {
  apps: PlatformApps;
  baseEnv: Record<string, string | undefined>;
  appEnv: Record<string, Record<string, string>>;
  timeoutMs: number;
}

function probeOf(app: string, env: Record<string, string>): HealthProbe {
  if (app === gatewayApp.name) return { kind: 'http', url: `http://${env.GATEWAY_HOST}:${env.GATEWAY_PORT}${gatewayPaths.health}` };
  return { kind: 'grpc', address: `${env.GRPC_HOST}:${env.GRPC_PORT}` };
}

export function appControl(deps: AppControlDeps): AppControl {
  const started = new Map<string, Record<string, string>>();
  const envOf = (name: string) => started.get(name) ?? deps.appEnv[name];
  return {
    async kill(name, signal = 'SIGKILL') {
      const child = deps.apps.get(name);
      if (!child) throw new Error(`no app was started as ${name}`);
      return child.kill(signal);
    },
    async start(name, options = {}) {
      const app = options.app ?? name;
      const own = deps.appEnv[app];
      if (!own) throw new Error(`unknown app ${app}`);
      const env = { ...own, ...options.env };
      started.set(name, env);
      const child = deps.apps.start(name, childEnv(deps.baseEnv, env), app);
      await waitHealthy(probeOf(app, env), { timeoutMs: deps.timeoutMs, abandon: child.exited }).catch((error: Error) => {
        const tail = child.recentLines().slice(-15).join('\n  ');
        throw new Error(`${name} did not start: ${error.message}.${tail ? `\nIts last lines:\n  ${tail}` : ''}`);
      });
    },
    envOf,
  };
}
