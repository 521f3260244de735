import { AckPolicy, DeliverPolicy, JetStreamApiError } from '@nats-io/jetstream';
import type { ConsumerMessages, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { CloudEvent } from './cloud-event.ts';
import { handleMessage } from './handle-message.ts';
import type { MessageContext } from './handle-message.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';

export type EventHandler<Tx extends SqlClient = SqlClient> = (event: CloudEvent, tx: Tx) => Promise<void>;

export interface ConsumeOptions<Tx extends SqlClient = SqlClient> {
  /** Durable consumer name; also the `consumer` column of `processed_events`. */
  durable: string;
  /** Event type or pattern, `scai.partners.partner.deleted` or `scai.partners.>`. */
  filter: string;
  db: TransactionalDb<Tx>;
  /** Runs inside the transaction that records the event as processed; throw to retry. */
  handler: EventHandler<Tx>;
  /** Deliveries before an event is given up (logged as an error). Default 10. */
  maxDeliver?: number;
  /** Delay before redelivery after a failure, doubling per attempt. Default 1 s up to 60 s. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Timeout of the handler's transaction. Default 15 s. */
  transactionTimeoutMs?: number;
}

export interface ConsumerStats {
  /** Events whose handler ran and committed. */
  handled: number;
  /** Deliveries of events this consumer had already handled (acked without running the handler). */
  duplicates: number;
  /** Handler runs that threw (rolled back, redelivered later). */
  failures: number;
}

export interface Consumer {
  readonly durable: string;
  /** Finishes the event in flight, hands back what was fetched but not started, and stops. */
  stop(): Promise<void>;
  stats(): ConsumerStats;
}

interface ConsumerDeps {
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  filterSubject: string;
  logger: Logger;
}

// Longer than the default handler transaction, so JetStream does not redeliver an event
// whose handler is still inside its transaction.
const ACK_WAIT_MS = 30_000;
// Small: fetched messages wait in the client, and each one's ack timer is already running.
const PULL_BATCH = 10;
// JetStream API error code (2.10+): a consumer of that name exists with another config.
const CONSUMER_ALREADY_EXISTS = 10148;

async function ensureDurable(deps: ConsumerDeps, durable: string, maxDeliver: number): Promise<void> {
  const config = {
    durable_name: durable,
    filter_subject: deps.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_deliver: maxDeliver,
    ack_wait: nanos(ACK_WAIT_MS),
  };
  try {
    // nats-server 2.9 treats this as create-or-update; 2.10+ refuses a durable that
    // exists with other settings, which is then updated below.
    await deps.jsm.consumers.add(deps.stream, config);
  } catch (err) {
    if (!(err instanceof JetStreamApiError && err.code === CONSUMER_ALREADY_EXISTS)) throw err;
    await deps.jsm.consumers.update(deps.stream, durable, {
      filter_subject: config.filter_subject,
      max_deliver: config.max_deliver,
      ack_wait: config.ack_wait,
    });
  }
}

/**
 * A durable pull consumer that handles each event at most once per `durable`: the
 * handler runs in the same transaction that inserts `(durable, event id)` into
 * `processed_events`, and the message is acked only after that commit.
 */
export async function startConsumer<Tx extends SqlClient>(
  options: ConsumeOptions<Tx>,
  deps: ConsumerDeps,
): Promise<Consumer> {
  const { durable, db, handler } = options;
  const logger = deps.logger.child({ consumer: durable });
  const ctx: MessageContext<Tx> = {
    durable,
    db,
    handler,
    maxDeliver: options.maxDeliver ?? 10,
    initialDelayMs: options.retry?.initialDelayMs ?? 1000,
    maxDelayMs: options.retry?.maxDelayMs ?? 60_000,
    transactionTimeoutMs: options.transactionTimeoutMs ?? 15_000,
    logger,
  };
  const stats: ConsumerStats = { handled: 0, duplicates: 0, failures: 0 };

  await ensureDurable(deps, durable, ctx.maxDeliver);
  const consumer = await deps.js.consumers.get(deps.stream, durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: PULL_BATCH });
  let stopping = false;

  const loop = (async () => {
    try {
      for await (const msg of messages) {
        // Fetched but not started: give it back at once rather than after ack_wait.
        if (stopping) {
          msg.nak();
          continue;
        }
        const outcome = await handleMessage(msg, ctx);
        if (outcome === 'handled') stats.handled += 1;
        else if (outcome === 'duplicate') stats.duplicates += 1;
        else if (outcome === 'failed') stats.failures += 1;
      }
    } catch (err) {
      logger.error({ err }, 'consumer stopped on an error');
    }
  })();

  return {
    durable,
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
    },
    stats: () => ({ ...stats }),
  };
}
