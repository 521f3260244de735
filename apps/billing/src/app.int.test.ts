import { checkHealth } from '@scai/grpc';
import { assertMigrationsCoverSchema, createTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createTestEventsConfig, deleteTestStream } from '@scai/events/testing';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BillingApp } from './app.ts';
import { APP_DIR } from './app-dir.ts';
import { loadBillingConfig } from './config.ts';

const events = createTestEventsConfig();
let db: TestDatabase;
let app: BillingApp;

beforeAll(async () => {
  db = await createTestDatabase('billing');
  const config = loadBillingConfig({
    DATABASE_URL: db.url,
    NATS_URL: events.natsUrl,
    EVENTS_STREAM: events.stream,
    EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
    GRPC_PORT: '0',
    OPS_PORT: '0',
    OTEL_SDK_DISABLED: 'true',
  });
  app = await createApp(config, { logger: pino({ level: 'silent' }) });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
  await deleteTestStream(events);
});

describe('billing app', () => {
  it('answers the standard gRPC health check with SERVING', async () => {
    expect(await checkHealth(`127.0.0.1:${app.grpcPort}`)).toBe(true);
    expect(await checkHealth(`127.0.0.1:${app.grpcPort}`, 'billing')).toBe(true);
  });

  it('is live and ready (database and NATS reachable) and exposes metrics', async () => {
    const base = `http://127.0.0.1:${app.opsPort}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('service="billing"');
  });

  it('migrated its database on start, outbox tables included', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(rows.map((r) => r.table_name)).toEqual(['_prisma_migrations', 'outbox_events', 'processed_events']);
    } finally {
      await client.end();
    }
  });

  it('every schema change has a migration', async () => {
    await assertMigrationsCoverSchema(APP_DIR);
  });
});
