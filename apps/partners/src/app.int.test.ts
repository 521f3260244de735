import { describeServiceApp } from '@scai/service/testing';
import { createApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadPartnersConfig } from './config.ts';

describeServiceApp({
  name: 'partners',
  appDir: APP_DIR,
  tables: ['_prisma_migrations', 'outbox_events', 'partners', 'processed_events', 'tenants'],
  grpcServices: ['partners.v1.PartnersService', 'partners.v1.TenantsService'],
  createApp: (env, logger) => createApp(loadPartnersConfig(env), { logger }),
});
