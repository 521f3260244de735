import { describeServiceApp } from '@scai/service/testing';
import { createApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadBillingConfig } from './config.ts';

describeServiceApp({
  name: 'billing',
  appDir: APP_DIR,
  tables: ['_prisma_migrations', 'outbox_events', 'processed_events', 'catalog_services', 'plans', 'plan_versions', 'usage_pricing_tiers', 'service_packs', 'pack_items', 'catalog_seeds', 'tenant_billing_profiles', 'subscriptions', 'subscription_transitions', 'billable_items', 'idempotency_keys', 'subscription_notices', 'pack_subscriptions', 'pack_subscription_transitions'],
  createApp: (env, logger) => createApp(loadBillingConfig(env), { logger }),
});
