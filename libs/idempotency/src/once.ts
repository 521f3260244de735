import { conflict } from '@scai/api';
import type { SqlClient, TransactionalDb } from '@scai/events';
import { checkIdempotencyKey } from './idempotency-key.ts';

/** How long a key answers with its first result (the 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface OnceOptions {
  /** Whose key space (e.g. `subscriptions.create:<caller subject>`): two callers' equal keys never meet. */
  scope: string;
  key: string;
  /** `requestFingerprint(request)`: the same key with another request is refused. */
  fingerprint: string;
  now: Date;
  ttlMs?: number;
}

export interface OnceResult<T> {
  value: T;
  /** True when this is the stored first answer, not a new execution. */
  replayed: boolean;
}

interface StoredKey {
  fingerprint: string;
  response: unknown;
}

/**
 * Runs `work` at most once per (scope, key) within the time to live, in one transaction
 * with the key: the state change and the stored answer commit together or not at all.
 * The same key and request again → the first answer (`replayed`); another request → 409.
 * A concurrent duplicate waits on the key's row (PostgreSQL's unique index) and then
 * replays the winner's answer. A failed `work` stores nothing, so a retry runs again.
 * The answer must survive JSON (plain objects, strings, numbers, booleans, arrays).
 */
export async function once<Tx extends SqlClient, T>(
  db: TransactionalDb<Tx>,
  options: OnceOptions,
  work: (tx: Tx) => Promise<T>,
): Promise<OnceResult<T>> {
  const key = checkIdempotencyKey(options.key);
  const expiresAt = new Date(options.now.getTime() + (options.ttlMs ?? IDEMPOTENCY_TTL_MS));
  return db.$transaction(async (tx) => {
    // Claims a new key, or takes over an expired one; a live key (committed) returns no row.
    const claimed = await tx.$queryRawUnsafe<unknown[]>(
      `INSERT INTO idempotency_keys (scope, key, fingerprint, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (scope, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at, response = NULL
         WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
       RETURNING key`,
      options.scope,
      key,
      options.fingerprint,
      options.now,
      expiresAt,
    );
    if (claimed.length === 0) {
      const [stored] = await tx.$queryRawUnsafe<StoredKey[]>('SELECT fingerprint, response FROM idempotency_keys WHERE scope = $1 AND key = $2', options.scope, key);
      if (stored.fingerprint !== options.fingerprint) {
        throw conflict('This Idempotency-Key was already used with a different request', { idempotency_key: key });
      }
      return { value: stored.response as T, replayed: true };
    }
    const value = await work(tx);
    await tx.$executeRawUnsafe('UPDATE idempotency_keys SET response = $3::jsonb WHERE scope = $1 AND key = $2', options.scope, key, JSON.stringify(value ?? null));
    return { value, replayed: false };
  });
}

/** Deletes keys past their time to live (a periodic job); returns how many went. */
export async function pruneIdempotencyKeys(db: SqlClient, now: Date, limit = 10_000): Promise<number> {
  return db.$executeRawUnsafe(
    'DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT $2)',
    now,
    limit,
  );
}
