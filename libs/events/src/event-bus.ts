import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { CloudEvent } from './cloud-event.ts';
import { startConsumer } from './consumer.ts';
import type { ConsumeOptions, Consumer } from './consumer.ts';
import { eventHeaders } from './nats-headers.ts';
import { createOutbox } from './outbox.ts';
import type { Outbox } from './outbox.ts';
import { startRelay } from './relay.ts';
import type { Relay, RelayOptions } from './relay.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';
import { ensureStream } from './stream.ts';
import { subjectFor } from './subject.ts';

export interface EventsConfig {
  /** One URL or several separated by commas. */
  natsUrl: string;
  /** `EVENTS_STREAM` */
  stream: string;
  /** `EVENTS_SUBJECT_PREFIX`: `scai` in production, unique per test. */
  subjectPrefix: string;
}

export interface ConnectEventsOptions {
  logger: Logger;
  /** Connection name shown by the NATS server, e.g. the app's name. */
  name: string;
}

export interface EventBus extends Outbox {
  readonly config: EventsConfig;
  /** For readiness checks (`connection.isClosed()`) and tools. */
  readonly connection: NatsConnection;
  /** Starts publishing this database's outbox. One per app instance; several instances share it safely. */
  startRelay<Tx extends SqlClient>(db: TransactionalDb<Tx>, options?: RelayOptions): Relay;
  /** Starts a durable consumer that handles each event once per `durable`. */
  consume<Tx extends SqlClient>(options: ConsumeOptions<Tx>): Promise<Consumer>;
  /** Publishes at once, bypassing the outbox (tools and tests; not atomic with any state change). */
  publishDirect(event: CloudEvent): Promise<void>;
  /** Stops relays and consumers (finishing work in flight), then drains the connection. */
  close(): Promise<void>;
}

async function watchStatus(nc: NatsConnection, logger: Logger): Promise<void> {
  for await (const status of nc.status()) {
    if (status.type === 'disconnect' || status.type === 'reconnecting') logger.warn({ status }, 'NATS connection lost');
    else if (status.type === 'reconnect') logger.info({ status }, 'NATS connection restored');
    else if (status.type === 'error') logger.error({ status }, 'NATS connection error');
  }
}

/** Connects to NATS and makes sure the events stream exists. */
export async function connectEvents(config: EventsConfig, options: ConnectEventsOptions): Promise<EventBus> {
  const logger = options.logger.child({ component: 'events' });
  const nc = await connect({
    servers: config.natsUrl.split(',').map((url) => url.trim()),
    name: options.name,
    // Keep trying for as long as the app runs: the outbox holds events meanwhile.
    maxReconnectAttempts: -1,
  });
  void watchStatus(nc, logger);
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, { stream: config.stream, subjectPrefix: config.subjectPrefix, logger });
    const js = jetstream(nc);
    const outbox = createOutbox({ subjectPrefix: config.subjectPrefix });
    const relays = new Set<Relay>();
    const consumers = new Set<Consumer>();

    return {
      config,
      connection: nc,
      add: outbox.add,
      startRelay(db, relayOptions) {
        const relay = startRelay(db, { js, logger: logger.child({ relay: options.name }) }, relayOptions);
        relays.add(relay);
        return relay;
      },
      async consume(consumeOptions) {
        const consumer = await startConsumer(consumeOptions, {
          js,
          jsm,
          stream: config.stream,
          filterSubject: subjectFor(consumeOptions.filter, config.subjectPrefix),
          logger,
        });
        consumers.add(consumer);
        return consumer;
      },
      async publishDirect(event) {
        await js.publish(subjectFor(event.type, config.subjectPrefix), JSON.stringify(event), {
          msgID: event.id,
          headers: eventHeaders(event),
        });
      },
      async close() {
        await Promise.all([...relays].map((relay) => relay.stop()));
        await Promise.all([...consumers].map((consumer) => consumer.stop()));
        if (!nc.isClosed()) await nc.drain();
      },
    };
  } catch (err) {
    await nc.close();
    throw err;
  }
}
