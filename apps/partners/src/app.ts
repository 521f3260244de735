import { partners } from '@scai/proto';
import { createService, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import type { PartnersConfig } from './config.ts';
import { startPartnerDeletedConsumer } from './events/partner-deleted-consumer.ts';
import { partnersServiceImpl } from './grpc/partners-service.ts';
import { tenantsServiceImpl } from './grpc/tenants-service.ts';
import { createPartnerStore } from './store/partner-store.ts';
import { createPrisma } from './store/prisma.ts';
import { createTenantStore } from './store/tenant-store.ts';

/**
 * The partners service: its database (migrated on start), the outbox relay, the
 * partner.deleted consumer, the gRPC server (with health) and the ops server.
 */
export async function createApp(config: PartnersConfig, options: ServiceAppOptions = {}): Promise<Service> {
  return createService({
    name: 'partners',
    config,
    appDir: APP_DIR,
    createPrisma,
    logger: options.logger,
    async register({ server, db, events, relay, logger }) {
      const eventsWritten = () => relay.nudge();
      const partnerStore = createPartnerStore(db, events, eventsWritten);
      const tenantStore = createTenantStore(db, events, eventsWritten);
      server.add(partners.v1.PartnersServiceService, partnersServiceImpl(partnerStore));
      server.add(partners.v1.TenantsServiceService, tenantsServiceImpl({ tenants: tenantStore, partners: partnerStore }));
      return { consumers: [await startPartnerDeletedConsumer({ bus: events, db, tenants: tenantStore, logger })] };
    },
  });
}
