import { adjustableClock, assertTestClockAllowed, systemClock, type ManualClock } from '@scai/clock';
import { provisioning, testing } from '@scai/proto';
import { serviceSecret } from '@scai/secrets';
import { createService, startPeriodicJob, testClockServiceImpl, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import type { ProvisioningConfig } from './config.ts';
import { registryServiceImpl } from './grpc/registry-service.ts';
import { grpcBillingDirectory, type BillingDirectory } from './registry/billing-directory.ts';
import { sweepHeartbeats } from './registry/heartbeat-monitor.ts';
import { createRegistry } from './registry/registry.ts';
import { createRegistryAdmin } from './registry/registry-admin.ts';
import { serviceKeys } from './registry/service-key.ts';
import { createPrisma } from './store/prisma.ts';

export interface ProvisioningAppOptions extends ServiceAppOptions {
  /** The billing app's catalog and subscription counts; over gRPC (`BILLING_GRPC_URL`) unless given. */
  billing?: BillingDirectory;
  /** Tests pass a manual clock; by default the system clock (adjustable with TEST_CLOCK_CONTROL). */
  clock?: ManualClock;
}

/**
 * The provisioning service: its database (migrated on start), the outbox relay, the gRPC
 * server (service registry, with health), the heartbeat monitor and the ops server.
 */
export async function createApp(config: ProvisioningConfig, options: ProvisioningAppOptions = {}): Promise<Service> {
  assertTestClockAllowed({ enabled: config.TEST_CLOCK_CONTROL, nodeEnv: config.NODE_ENV });
  const testClock = config.TEST_CLOCK_CONTROL ? (options.clock ?? adjustableClock()) : null;
  const clock = options.clock ?? testClock ?? systemClock;
  return createService({
    name: 'provisioning',
    config,
    appDir: APP_DIR,
    createPrisma,
    logger: options.logger,
    async register({ server, db, events, relay, logger }) {
      const pepper = serviceSecret({ name: 'REGISTRY_KEY_PEPPER', value: config.REGISTRY_KEY_PEPPER, nodeEnv: config.NODE_ENV }, 'registry-key-pepper', (message) => logger.warn(message));
      const billing = options.billing ?? grpcBillingDirectory(config.BILLING_GRPC_URL);
      const deps = { db, outbox: events, keys: serviceKeys(pepper), billing, clock, eventsWritten: () => relay.nudge() };
      server.add(provisioning.v1.RegistryServiceService, registryServiceImpl(createRegistry(deps), createRegistryAdmin(deps)));
      const monitorDeps = { db, outbox: events, tickSeconds: config.HEARTBEAT_MONITOR_TICK_SECONDS, eventsWritten: deps.eventsWritten };
      const monitor = startPeriodicJob('heartbeat monitor', () => sweepHeartbeats(monitorDeps, clock.now()), config.HEARTBEAT_MONITOR_TICK_SECONDS * 1000, logger);
      if (testClock) server.add(testing.v1.TestClockServiceService, testClockServiceImpl(testClock, monitor));
      return { clients: [billing], jobs: [monitor] };
    },
  });
}
