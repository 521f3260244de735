import type { JetStreamClient } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { eventHeaders } from './nats-headers.ts';
import { claimPending, markPublished, recordFailedAttempt } from './outbox-store.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';

export interface BatchOutcome {
  claimed: number;
  published: number;
  /** Published rows JetStream already held (same `Nats-Msg-Id`). */
  duplicates: number;
  failed: number;
}

export interface BatchOptions {
  js: JetStreamClient;
  logger: Logger;
  batchSize: number;
  publishTimeoutMs: number;
}

/**
 * Claims, publishes and marks one batch of outbox rows in one transaction. If the
 * commit is lost after publishing, the rows go out again later and JetStream drops
 * them as duplicates of the same `Nats-Msg-Id` (the event id).
 */
export async function publishBatch<Tx extends SqlClient>(db: TransactionalDb<Tx>, options: BatchOptions): Promise<BatchOutcome> {
  return db.$transaction(
    async (tx) => {
      const rows = await claimPending(tx, options.batchSize);
      // Publishes are pipelined on one connection, so they reach the stream in row order.
      const results = await Promise.allSettled(
        rows.map((row) =>
          options.js.publish(row.subject, row.payload, {
            msgID: row.id,
            headers: eventHeaders(row.headers),
            timeout: options.publishTimeoutMs,
          }),
        ),
      );
      const published: string[] = [];
      const failed: string[] = [];
      let duplicates = 0;
      results.forEach((result, i) => {
        const row = rows[i];
        if (result.status === 'fulfilled') {
          published.push(row.id);
          if (result.value.duplicate) duplicates += 1;
          return;
        }
        failed.push(row.id);
        options.logger.warn(
          { err: result.reason, eventId: row.id, subject: row.subject, attempts: row.attempts + 1 },
          'publishing outbox event failed; will retry',
        );
      });
      await markPublished(tx, published);
      await recordFailedAttempt(tx, failed);
      return { claimed: rows.length, published: published.length, duplicates, failed: failed.length };
    },
    // The transaction holds its row locks while waiting for JetStream's acks.
    { timeout: options.publishTimeoutMs + 10_000 },
  );
}
