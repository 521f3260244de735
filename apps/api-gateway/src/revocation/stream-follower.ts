import { setTimeout as sleep } from 'node:timers/promises';
import { DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JsMsg, type OrderedConsumerOptions } from '@nats-io/jetstream';
import type { CloudEvent } from '@scai/events';
import type { Logger } from '@scai/telemetry';

export interface StreamFollowerOptions {
  js: JetStreamClient;
  stream: string;
  /** A NATS subject (already prefixed), one per follower: nats-server 2.9 takes a single filter. */
  filterSubject: string;
  logger: Logger;
  onEvent: (event: CloudEvent) => void;
  /** Called once, when everything the stream held at start has been handed to `onEvent`. */
  onCaughtUp: () => void;
  /** Pause before a consumer that ended (stream gone, server refused) is created again. Default 1 s. */
  retryDelayMs?: number;
}

export interface StreamFollower {
  /** A consumer is running (false while it is being created again after a failure). */
  readonly running: boolean;
  stop(): Promise<void>;
}

const PULL_BATCH = 256;

function looksLikeEvent(value: unknown): value is CloudEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.specversion === '1.0' && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.time === 'string';
}

/**
 * Reads one filtered subject of the events stream from its first retained message on,
 * through an ordered consumer: ephemeral, in memory on the server, one per gateway
 * instance, so every instance sees every event (a shared durable would split them).
 * The client recreates it at the next sequence after a reconnect or a gap; if it ends
 * for good, this follower creates a new one after the last sequence it handled.
 */
export function followStream(options: StreamFollowerOptions): StreamFollower {
  const { js, stream, filterSubject, logger } = options;
  const log = logger.child({ component: 'revocation-feed', filter: filterSubject });
  const stopping = new AbortController();
  let lastSeq = 0;
  let caughtUp = false;
  let running = false;
  let messages: ConsumerMessages | null = null;

  const markCaughtUp = () => {
    if (caughtUp) return;
    caughtUp = true;
    options.onCaughtUp();
  };

  const handle = (msg: JsMsg) => {
    lastSeq = msg.seq;
    let body: unknown;
    try {
      body = msg.json<unknown>();
    } catch {
      body = null;
    }
    if (!looksLikeEvent(body)) {
      log.warn({ seq: msg.seq, subject: msg.subject }, 'not a CloudEvent; skipped');
      return;
    }
    options.onEvent(body);
  };

  const consumerOptions = (): Partial<OrderedConsumerOptions> =>
    lastSeq === 0
      ? { filter_subjects: filterSubject, deliver_policy: DeliverPolicy.All }
      : { filter_subjects: filterSubject, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: lastSeq + 1 };

  const runOnce = async () => {
    const consumer = await js.consumers.get(stream, consumerOptions());
    // What the server counted for this consumer at creation: the history to replay.
    let remaining = (await consumer.info(true)).num_pending;
    if (remaining === 0) markCaughtUp();
    messages = await consumer.consume({ max_messages: PULL_BATCH });
    running = true;
    if (stopping.signal.aborted) await messages.close();
    for await (const msg of messages) {
      handle(msg);
      remaining -= 1;
      if (remaining <= 0 || msg.info.pending === 0) markCaughtUp();
    }
  };

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await runOnce();
      } catch (err) {
        if (!stopping.signal.aborted) log.warn({ err }, 'revocation consumer failed; recreating it');
      }
      running = false;
      messages = null;
      if (stopping.signal.aborted) break;
      await sleep(options.retryDelayMs ?? 1000, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();

  return {
    get running() {
      return running;
    },
    async stop() {
      stopping.abort();
      await messages?.close();
      await loop;
    },
  };
}
