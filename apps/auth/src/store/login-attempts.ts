import type { Db, Tx } from './prisma.ts';

export type AttemptKind = 'account' | 'address';
export interface AttemptKey {
  kind: AttemptKind;
  key: string;
}

/**
 * Failed logins live in the database, not in memory, so every instance of the app
 * counts the same failures.
 */
export async function recentFailures(db: Db, keys: readonly AttemptKey[], since: Date): Promise<Date[][]> {
  if (keys.length === 0) return [];
  const rows = await db.loginAttempt.findMany({
    where: { createdAt: { gt: since }, OR: keys.map(({ kind, key }) => ({ kind, key })) },
    select: { kind: true, key: true, createdAt: true },
  });
  return keys.map(({ kind, key }) => rows.filter((row) => row.kind === kind && row.key === key).map((row) => row.createdAt));
}

/** Records one failure per key and drops that key's rows that left the window. */
export async function recordFailure(tx: Tx, keys: readonly AttemptKey[], now: Date, windowStart: Date): Promise<void> {
  await tx.loginAttempt.createMany({ data: keys.map(({ kind, key }) => ({ kind, key, createdAt: now })) });
  await tx.loginAttempt.deleteMany({ where: { createdAt: { lte: windowStart }, OR: keys.map(({ kind, key }) => ({ kind, key })) } });
}

/** A successful sign-in clears its account's failures (not its address's). */
export async function clearFailures(tx: Tx, key: AttemptKey): Promise<void> {
  await tx.loginAttempt.deleteMany({ where: { kind: key.kind, key: key.key } });
}
