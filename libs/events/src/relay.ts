import type { JetStreamClient } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { publishBatch } from './publish-batch.ts';
import type { BatchOutcome } from './publish-batch.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';

export interface RelayOptions {
  /** How often to look for unpublished rows when not nudged. Default 200 ms. */
  intervalMs?: number;
  /** Rows claimed and published per transaction. Default 100. */
  batchSize?: number;
  /** How long to wait for JetStream's ack of one publish. Default 5000 ms. */
  publishTimeoutMs?: number;
  /** Upper bound of the pause between attempts while publishing fails. Default 5000 ms. */
  maxBackoffMs?: number;
}

export interface RelayStats {
  /** Rows this relay published and marked. */
  published: number;
  /** Of those, how many JetStream reported as already stored (same `Nats-Msg-Id`). */
  duplicates: number;
  /** Failed publish attempts (the rows stay pending and are retried). */
  failures: number;
}

export interface Relay {
  /** Look for rows now, e.g. right after committing a transaction that added events. */
  nudge(): void;
  /** Finishes the batch in flight and stops. */
  stop(): Promise<void>;
  stats(): RelayStats;
}

/**
 * Publishes outbox rows to JetStream in a loop: batch after batch while there is work,
 * then a poll every `intervalMs` or as soon as it is nudged; backs off while failing.
 */
export function startRelay<Tx extends SqlClient>(
  db: TransactionalDb<Tx>,
  deps: { js: JetStreamClient; logger: Logger },
  options: RelayOptions = {},
): Relay {
  const intervalMs = options.intervalMs ?? 200;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  const batch = {
    js: deps.js,
    logger: deps.logger,
    batchSize: options.batchSize ?? 100,
    publishTimeoutMs: options.publishTimeoutMs ?? 5000,
  };
  const stats: RelayStats = { published: 0, duplicates: 0, failures: 0 };

  let stopped = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  let wakeOnNudge = false;

  function sleep(ms: number, interruptibleByNudge: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
      wakeOnNudge = interruptibleByNudge;
    });
  }

  const loop = (async () => {
    let failureStreak = 0;
    while (!stopped) {
      nudged = false;
      let outcome: BatchOutcome | undefined;
      try {
        outcome = await publishBatch(db, batch);
        stats.published += outcome.published;
        stats.duplicates += outcome.duplicates;
        stats.failures += outcome.failed;
        failureStreak = outcome.failed > 0 ? failureStreak + 1 : 0;
      } catch (err) {
        failureStreak += 1;
        deps.logger.error({ err }, 'outbox relay batch failed; will retry');
      }
      if (stopped) break;
      if (failureStreak > 0) {
        // Nudges do not cut this pause short: while NATS or the database is down,
        // every commit would otherwise trigger another doomed attempt.
        await sleep(Math.min(intervalMs * 2 ** failureStreak, maxBackoffMs), false);
        continue;
      }
      if (outcome?.claimed === batch.batchSize || nudged) continue;
      await sleep(intervalMs, true);
    }
  })();

  return {
    nudge() {
      nudged = true;
      if (wakeOnNudge) wake?.();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
    stats: () => ({ ...stats }),
  };
}
