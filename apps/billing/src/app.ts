import { billing } from '@scai/proto';
import { createService, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import { createCatalogStore } from './catalog/catalog-store.ts';
import { loadCatalogFile } from './catalog/load-catalog-file.ts';
import { createPackStore } from './catalog/pack-store.ts';
import { seedCatalog } from './catalog/seed-catalog.ts';
import type { BillingConfig } from './config.ts';
import { catalogServiceImpl } from './grpc/catalog-service.ts';
import { servicePacksServiceImpl } from './grpc/service-packs-service.ts';
import { createPrisma } from './store/prisma.ts';

/**
 * The billing service: its database (migrated on start), the catalog file applied, the
 * outbox relay, the gRPC server (catalog and service packs, with health) and the ops server.
 */
export async function createApp(config: BillingConfig, options: ServiceAppOptions = {}): Promise<Service> {
  // A bad catalog file stops start-up before anything listens, naming file, line and field.
  const catalogFile = config.CATALOG_FILE ? loadCatalogFile(config.CATALOG_FILE) : null;
  return createService({
    name: 'billing',
    config,
    appDir: APP_DIR,
    createPrisma,
    logger: options.logger,
    async register({ server, db, logger }) {
      if (catalogFile) await seedCatalog(db, 'catalog-file', catalogFile, logger);
      server.add(billing.v1.CatalogServiceService, catalogServiceImpl(createCatalogStore(db)));
      server.add(billing.v1.ServicePacksServiceService, servicePacksServiceImpl(createPackStore(db)));
    },
  });
}
