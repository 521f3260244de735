import type { SqlClient } from './sql-client.ts';
import type { TraceHeaders } from './trace-context.ts';

/** An unpublished outbox row, with the JSON columns as text so they go out byte for byte. */
export interface PendingEvent {
  id: string;
  subject: string;
  payload: string;
  headers: TraceHeaders | null;
  attempts: number;
}

interface PendingRow {
  id: string;
  subject: string;
  payload: string;
  headers: string | null;
  attempts: number | bigint;
}

/**
 * Locks the oldest unpublished rows for this transaction. SKIP LOCKED lets several
 * relays (one per app instance) share the table without ever taking the same row.
 */
export async function claimPending(tx: SqlClient, limit: number): Promise<PendingEvent[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`batch size must be a positive integer, got ${limit}`);
  // The limit is a validated integer literal: drivers disagree on how to bind numbers.
  const rows = await tx.$queryRawUnsafe<PendingRow[]>(
    `SELECT id, subject, payload::text AS payload, headers::text AS headers, attempts
       FROM outbox_events
      WHERE published_at IS NULL
      ORDER BY created_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`,
  );
  return rows.map((row) => ({
    id: row.id,
    subject: row.subject,
    payload: row.payload,
    headers: row.headers ? (JSON.parse(row.headers) as TraceHeaders) : null,
    attempts: Number(row.attempts),
  }));
}

function placeholders(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}`).join(', ');
}

export async function markPublished(tx: SqlClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id IN (${placeholders(ids.length)})`,
    ...ids,
  );
}

export async function recordFailedAttempt(tx: SqlClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE outbox_events SET attempts = attempts + 1 WHERE id IN (${placeholders(ids.length)})`,
    ...ids,
  );
}
