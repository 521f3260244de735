import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { MsgHdrs, NatsConnection } from '@nats-io/transport-node';
import { pino } from 'pino';
import { connectEvents } from '../event-bus.ts';
import type { EventBus, EventsConfig } from '../event-bus.ts';
import { createTestEventsConfig, deleteTestStream } from '../testing.ts';
import { createTestDatabase } from './test-database.ts';
import type { TestDatabase } from './test-database.ts';

export interface StoredMessage {
  subject: string;
  headers: MsgHdrs | undefined;
  body: unknown;
}

/** A database with the events tables, a bus on a private stream, and a raw client to inspect it. */
export interface Harness {
  config: EventsConfig;
  database: TestDatabase;
  bus: EventBus;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Every message the stream holds, in order. */
  streamMessages(): Promise<StoredMessage[]>;
  tearDown(): Promise<void>;
}

export const silentLogger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export async function createHarness(extraSql = ''): Promise<Harness> {
  const config = createTestEventsConfig();
  const database = await createTestDatabase(extraSql);
  const bus = await connectEvents(config, { logger: silentLogger, name: 'events-test' });
  const nc = await connect({ servers: config.natsUrl });
  const jsm = await jetstreamManager(nc);
  return {
    config,
    database,
    bus,
    nc,
    js: jetstream(nc),
    jsm,
    async streamMessages() {
      const { state } = await jsm.streams.info(config.stream);
      const out: StoredMessage[] = [];
      for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq += 1) {
        const msg = await jsm.streams.getMessage(config.stream, { seq });
        if (msg) out.push({ subject: msg.subject, headers: msg.header, body: msg.json() });
      }
      return out;
    },
    async tearDown() {
      await bus.close();
      await nc.close();
      await deleteTestStream(config);
      await database.drop();
    },
  };
}
