import { AppError } from '@scai/api';
import type { Caller } from '@scai/permissions';
import { createLogger } from '@scai/telemetry';
import { buildGateway, type GatewayOptions } from '../../app.ts';
import type { ServiceClients } from '../../clients.ts';
import { loadGatewayConfig } from '../../config.ts';
import type { GatewayApp, RouteGroup } from '../types.ts';

export interface TestGatewayOptions extends Partial<Omit<GatewayOptions, 'config' | 'clients' | 'groups'>> {
  /** The endpoint groups under test; left out, the gateway serves its default groups. */
  groups?: RouteGroup[];
  /** Fake service clients; only the ones the routes under test call are needed. */
  clients?: Partial<ServiceClients>;
  /** Bearer token -> caller; any other token is rejected as `unauthorized`. Ignored when `verifyToken` is given. */
  callers?: Record<string, Caller>;
  /** Environment for `loadGatewayConfig` (defaults apply to what is left out). */
  env?: Record<string, string | undefined>;
}

const open = new Set<GatewayApp>();

/**
 * Builds a gateway the way the route tests need it (silent logger, no service probes,
 * fake clients, a token table instead of JWT checks) and remembers it so
 * `closeTestGateways` can close it after the test.
 */
export async function testGateway(options: TestGatewayOptions = {}): Promise<GatewayApp> {
  const { clients, callers = {}, env = {}, ...rest } = options;
  const app = await buildGateway({
    logger: createLogger({ name: 'test', level: 'silent' }),
    verifyToken: async (token) => {
      const caller = Object.hasOwn(callers, token) ? callers[token] : undefined;
      if (!caller) throw new AppError('unauthorized', 'Invalid or expired token');
      return caller;
    },
    probeServices: async () => ({}),
    ...rest,
    config: loadGatewayConfig(env),
    // The fakes cover only what the routes under test call; nothing else is reached.
    clients: { ...clients, close: () => undefined } as ServiceClients,
  });
  open.add(app);
  return app;
}

/** Closes every gateway `testGateway` built; for `afterEach`/`afterAll`. */
export async function closeTestGateways(): Promise<void> {
  const apps = [...open];
  open.clear();
  await Promise.all(apps.map((app) => app.close()));
}
