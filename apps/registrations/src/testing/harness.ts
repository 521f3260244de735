import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { createTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createTestEventsConfig, deleteTestStream } from '@scai/events/testing';
import type { EventsConfig } from '@scai/events';
import { registrations } from '@scai/proto';
import { pino } from 'pino';
import { createApp, type RegistrationsApp } from '../app.ts';
import { loadRegistrationsConfig } from '../config.ts';
import type { Notice } from '../domain/decision-notice.ts';
import type { Notifier } from '../events/notifier.ts';
import { createPrisma, type PrismaClient } from '../store/prisma.ts';
import { startFakeUpstreams, type FakeUpstreams } from './fake-upstreams.ts';

export interface Harness {
  app: RegistrationsApp;
  client: BoundClient<registrations.v1.RegistrationsServiceClient>;
  fakes: FakeUpstreams;
  /** A client of the test database, for arranging and inspecting rows. */
  prisma: PrismaClient;
  notices: Notice[];
  events: EventsConfig;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole app on free ports against its own database and stream, with fake auth and
 * partners servers and a notifier that records what it would send.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db: TestDatabase = await createTestDatabase('registrations');
  const events = createTestEventsConfig();
  const fakes = await startFakeUpstreams();
  const notices: Notice[] = [];
  const notifier: Notifier = { send: async (notice) => void notices.push(notice) };
  const config = loadRegistrationsConfig({
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    OPS_PORT: '0',
    NATS_URL: events.natsUrl,
    EVENTS_STREAM: events.stream,
    EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
    AUTH_GRPC_URL: fakes.authAddress,
    PARTNERS_GRPC_URL: fakes.partnersAddress,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createApp(config, { notifier, logger: pino({ level: 'silent' }) });
  await app.start();
  const raw = createChannelClient(registrations.v1.RegistrationsServiceClient, `127.0.0.1:${app.grpcPort}`);
  const prisma = createPrisma(db.url);
  return {
    app,
    client: bindClient(raw),
    fakes,
    prisma,
    notices,
    events,
    databaseUrl: db.url,
    async stop() {
      raw.close();
      await app.stop();
      await prisma.$disconnect();
      await fakes.stop();
      await deleteTestStream(events);
      await db.drop();
    },
  };
}
