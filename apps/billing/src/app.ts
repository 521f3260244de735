import { createService, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import type { BillingConfig } from './config.ts';
import { createPrisma } from './store/prisma.ts';

/**
 * The billing service, as a skeleton: its database (migrated on start), the outbox relay,
 * a gRPC server with the standard health service and the ops server. Domain services
 * join through `register` as they are built (README.md).
 */
export async function createApp(config: BillingConfig, options: ServiceAppOptions = {}): Promise<Service> {
  return createService({ name: 'billing', config, appDir: APP_DIR, createPrisma, logger: options.logger });
}
