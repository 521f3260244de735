import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { createTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createTestEventsConfig, deleteTestStream } from '@scai/events/testing';
import type { EventsConfig } from '@scai/events';
import type { Caller } from '@scai/permissions';
import { partners } from '@scai/proto';
import { createLogger } from '@scai/telemetry';
import { createApp, type PartnersApp } from '../app.ts';
import { loadPartnersConfig } from '../config.ts';
import { createPrisma, type Db } from '../store/prisma.ts';

export interface Harness {
  app: PartnersApp;
  partners: BoundClient<partners.v1.PartnersServiceClient>;
  tenants: BoundClient<partners.v1.TenantsServiceClient>;
  /** Direct database access, to look behind the service (outbox rows, soft-deleted rows). */
  prisma: Db;
  events: EventsConfig;
  /** `{ caller }` for a call. */
  as(caller: Caller): { caller: Caller };
  close(): Promise<void>;
}

/**
 * The whole app on a database and a stream of its own, gRPC and ops on free ports, with
 * real clients. Close it in afterAll: it drops the database and deletes the stream.
 */
export async function startHarness(): Promise<Harness> {
  const db: TestDatabase = await createTestDatabase('partners');
  const events = createTestEventsConfig();
  const config = loadPartnersConfig({
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    OPS_PORT: '0',
    NATS_URL: events.natsUrl,
    EVENTS_STREAM: events.stream,
    EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
  });
  const app = await createApp(config, { logger: createLogger({ name: 'partners-test', level: 'silent' }) });
  try {
    await app.start();
  } catch (error) {
    await db.drop();
    throw error;
  }
  const address = `127.0.0.1:${app.grpcPort}`;
  const partnersClient = createChannelClient(partners.v1.PartnersServiceClient, address);
  const tenantsClient = createChannelClient(partners.v1.TenantsServiceClient, address);
  const prisma = createPrisma(db.url);
  return {
    app,
    partners: bindClient(partnersClient),
    tenants: bindClient(tenantsClient),
    prisma,
    events,
    as: (caller) => ({ caller }),
    async close() {
      partnersClient.close();
      tenantsClient.close();
      await prisma.$disconnect();
      await app.stop();
      await deleteTestStream(events);
      await db.drop();
    },
  };
}

let counter = 0;

/** A unique slug per call, so tests in one database never collide. */
export function uniqueSlug(base: string): string {
  counter += 1;
  return `${base}-${Date.now().toString(36)}-${counter}`;
}
