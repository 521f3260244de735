import type { CloudEvent } from './cloud-event.ts';
import type { SqlClient, TransactionalDb } from './sql-client.ts';

/**
 * Runs `handler` at most once per `(consumer, event id)`: the `processed_events` row and
 * the handler's writes commit or roll back together. Returns whether the handler ran
 * (false: this consumer had already handled the event, so a redelivery is a no-op).
 */
export async function handleOnce<Tx extends SqlClient>(
  db: TransactionalDb<Tx>,
  consumer: string,
  event: CloudEvent,
  handler: (event: CloudEvent, tx: Tx) => Promise<void>,
  timeoutMs: number,
): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        consumer,
        event.id,
      );
      if (inserted === 0) return false;
      await handler(event, tx);
      return true;
    },
    { timeout: timeoutMs },
  );
}
