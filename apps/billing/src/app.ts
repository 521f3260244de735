import { billing, testing } from '@scai/proto';
import { adjustableClock, assertTestClockAllowed, systemClock, type ManualClock } from '@scai/clock';
import { createService, testClockServiceImpl, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import { createCatalogStore } from './catalog/catalog-store.ts';
import { loadCatalogFile } from './catalog/load-catalog-file.ts';
import { createPackStore } from './catalog/pack-store.ts';
import { seedCatalog } from './catalog/seed-catalog.ts';
import type { BillingConfig } from './config.ts';
import { catalogServiceImpl } from './grpc/catalog-service.ts';
import { billingProfilesServiceImpl } from './grpc/billing-profiles-service.ts';
import { servicePacksServiceImpl } from './grpc/service-packs-service.ts';
import { packSubscriptionsServiceImpl } from './grpc/pack-subscriptions-service.ts';
import { createPackLifecycle } from './packs/pack-lifecycle.ts';
import { createPackPurchases } from './packs/pack-purchase.ts';
import { createPackSubscriptionStore } from './packs/pack-subscription-store.ts';
import { subscriptionsServiceImpl } from './grpc/subscriptions-service.ts';
import { startTenantStatusConsumer } from './events/tenant-status-consumer.ts';
import { startSubscriptionJobs } from './subscriptions/jobs/subscription-jobs.ts';
import { createSubscriptionService } from './subscriptions/subscription-service.ts';
import { createSubscriptionStore } from './subscriptions/subscription-store.ts';
import { createProfileStore } from './profiles/profile-store.ts';
import { grpcTenantDirectory, type TenantDirectory } from './profiles/tenant-directory.ts';
import { createPrisma } from './store/prisma.ts';

export interface BillingAppOptions extends ServiceAppOptions {
  /** Tenants as the partners app knows them; over gRPC (`PARTNERS_GRPC_URL`) unless given. */
  tenants?: TenantDirectory;
  /** Tests pass a manual clock; by default the system clock (adjustable with TEST_CLOCK_CONTROL). */
  clock?: ManualClock;
}

/**
 * The billing service: its database (migrated on start), the catalog file applied, the
 * outbox relay, the gRPC server (catalog, service packs and billing profiles, with health) and the ops server.
 */
export async function createApp(config: BillingConfig, options: BillingAppOptions = {}): Promise<Service> {
  // A bad catalog file stops start-up before anything listens, naming file, line and field.
  const catalogFile = config.CATALOG_FILE ? loadCatalogFile(config.CATALOG_FILE) : null;
  assertTestClockAllowed({ enabled: config.TEST_CLOCK_CONTROL, nodeEnv: config.NODE_ENV });
  const testClock = config.TEST_CLOCK_CONTROL ? (options.clock ?? adjustableClock()) : null;
  const clock = options.clock ?? testClock ?? systemClock;
  return createService({
    name: 'billing',
    config,
    appDir: APP_DIR,
    createPrisma,
    logger: options.logger,
    async register({ server, db, events, relay, logger }) {
      if (catalogFile) await seedCatalog(db, 'catalog-file', catalogFile, logger);
      const tenants = options.tenants ?? grpcTenantDirectory(config.PARTNERS_GRPC_URL);
      const eventsWritten = () => relay.nudge();
      const profiles = createProfileStore(db, { outbox: events, clock, eventsWritten });
      const catalog = createCatalogStore(db);
      const subscriptionStore = createSubscriptionStore(db, { outbox: events });
      const subscriptions = createSubscriptionService({ db, store: subscriptionStore, catalog, profiles, tenants, clock, eventsWritten });
      server.add(billing.v1.CatalogServiceService, catalogServiceImpl(catalog));
      const packs = createPackStore(db);
      server.add(billing.v1.ServicePacksServiceService, servicePacksServiceImpl(packs));
      const packSubscriptions = createPackSubscriptionStore(db);
      const packLifecycle = createPackLifecycle({ subscriptions: subscriptionStore, packSubscriptions, outbox: events });
      const purchases = createPackPurchases({ db, packs, catalog, profiles, tenants, subscriptions: subscriptionStore, packSubscriptions, lifecycle: packLifecycle, outbox: events, clock, eventsWritten });
      server.add(billing.v1.PackSubscriptionsServiceService, packSubscriptionsServiceImpl({ db, purchases, clock, eventsWritten }));
      server.add(billing.v1.BillingProfilesServiceService, billingProfilesServiceImpl(db, profiles, tenants));
      server.add(billing.v1.SubscriptionsServiceService, subscriptionsServiceImpl({ db, service: subscriptions, store: subscriptionStore, clock, eventsWritten }));
      const settings = { dunningSuspendDays: config.DUNNING_SUSPEND_DAYS };
      const jobs = startSubscriptionJobs({ db, store: subscriptionStore, settings, eventsWritten, logger, clock, packs: { packSubscriptions, lifecycle: packLifecycle } }, config.JOBS_INTERVAL_MS);
      if (testClock) server.add(testing.v1.TestClockServiceService, testClockServiceImpl(testClock, jobs));
      const tenantStatus = await startTenantStatusConsumer({ bus: events, db, store: subscriptionStore, packSubscriptions, packLifecycle, now: () => clock.now(), logger });
      return { clients: [tenants], jobs: [jobs], consumers: [tenantStatus] };
    },
  });
}
