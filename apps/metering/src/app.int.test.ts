import { describeServiceApp } from '@scai/service/testing';
import { createApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadMeteringConfig } from './config.ts';

describeServiceApp({
  name: 'metering',
  appDir: APP_DIR,
  tables: ['_prisma_migrations', 'outbox_events', 'processed_events'],
  createApp: (env, logger) => createApp(loadMeteringConfig(env), { logger }),
});
