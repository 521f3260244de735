import { describeServiceApp } from '@scai/service/testing';
import { createApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadRegistrationsConfig } from './config.ts';

describeServiceApp({
  name: 'registrations',
  appDir: APP_DIR,
  tables: ['_prisma_migrations', 'outbox_events', 'processed_events', 'registration_requests'],
  grpcServices: ['registrations.v1.RegistrationsService'],
  createApp: (env, logger) => createApp(loadRegistrationsConfig(env), { logger }),
});
