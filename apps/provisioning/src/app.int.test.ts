import { describeServiceApp } from '@scai/service/testing';
import { createApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadProvisioningConfig } from './config.ts';

describeServiceApp({
  name: 'provisioning',
  appDir: APP_DIR,
  tables: ['_prisma_migrations', 'outbox_events', 'processed_events', 'registered_services', 'registry_version_changes'],
  createApp: (env, logger) => createApp(loadProvisioningConfig(env), { logger }),
});
