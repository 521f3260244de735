import { createTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createPgDb, type PgDb } from '@scai/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFingerprint } from './fingerprint.ts';
import { once, pruneIdempotencyKeys } from './once.ts';
import { IDEMPOTENCY_TABLE_SQL } from './test-support/idempotency-table.ts';

let database: TestDatabase;
let db: PgDb;

beforeAll(async () => {
  database = await createTestDatabase('idempotency');
  db = createPgDb(database.url);
  await db.$executeRawUnsafe(IDEMPOTENCY_TABLE_SQL);
  await db.$executeRawUnsafe('CREATE TABLE things (id SERIAL PRIMARY KEY, label TEXT NOT NULL)');
});

afterAll(async () => {
  await db?.end();
  await database?.drop();
});

const now = new Date('2026-12-07T12:00:00Z');
const count = async (label: string) => (await db.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM things WHERE label = $1', label))[0].n;

/** A money-moving write: inserts a row and answers with its id. */
const createThing = (label: string) => async (tx: Parameters<Parameters<PgDb['$transaction']>[0]>[0]) => {
  const [row] = await tx.$queryRawUnsafe<{ id: number }[]>('INSERT INTO things (label) VALUES ($1) RETURNING id', label);
  return { id: row.id, label };
};

describe('once: one execution per idempotency key', () => {
  it('answers a repeated key and body with the first answer, without running again', async () => {
    const body = { plan_key: 'scai-chat.pro', quantity: 1 };
    const options = { scope: 'test:alice', key: 'k-1', fingerprint: requestFingerprint(body), now };
    const first = await once(db, options, createThing('first'));
    const again = await once(db, { ...options, fingerprint: requestFingerprint({ quantity: 1, plan_key: 'scai-chat.pro' }) }, createThing('first'));
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ value: first.value, replayed: true });
    expect(await count('first')).toBe(1);
  });

  it('refuses the same key with another body (409), writing nothing', async () => {
    const options = { scope: 'test:alice', key: 'k-2', fingerprint: requestFingerprint({ a: 1 }), now };
    await once(db, options, createThing('second'));
    await expect(once(db, { ...options, fingerprint: requestFingerprint({ a: 2 }) }, createThing('second'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await count('second')).toBe(1);
  });

  it('keeps key spaces apart: another scope with the same key runs', async () => {
    const fingerprint = requestFingerprint({});
    await once(db, { scope: 'test:alice', key: 'shared', fingerprint, now }, createThing('scoped'));
    const bob = await once(db, { scope: 'test:bob', key: 'shared', fingerprint, now }, createThing('scoped'));
    expect(bob.replayed).toBe(false);
    expect(await count('scoped')).toBe(2);
  });

  it('lets ten concurrent duplicates through as one winner; the rest replay its answer', async () => {
    const options = { scope: 'test:alice', key: 'race', fingerprint: requestFingerprint({ race: true }), now };
    const slowWrite = async (tx: Parameters<ReturnType<typeof createThing>>[0]) => {
      const value = await createThing('race')(tx);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return value;
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => once(db, options, slowWrite)));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.value.id)).size).toBe(1);
    expect(await count('race')).toBe(1);
  });

  it('stores nothing when the work fails, so a retry with the key runs again', async () => {
    const options = { scope: 'test:alice', key: 'k-fail', fingerprint: requestFingerprint({}), now };
    const failing = async (tx: Parameters<ReturnType<typeof createThing>>[0]) => {
      await createThing('failed')(tx);
      throw new Error('payment provider down');
    };
    await expect(once(db, options, failing)).rejects.toThrow('payment provider down');
    expect(await count('failed')).toBe(0);
    const retry = await once(db, options, createThing('failed'));
    expect(retry.replayed).toBe(false);
    expect(await count('failed')).toBe(1);
  });

  it('forgets a key after its time to live: it runs again, and pruning removes expired keys', async () => {
    const options = { scope: 'test:alice', key: 'k-ttl', fingerprint: requestFingerprint({}), now, ttlMs: 60_000 };
    await once(db, options, createThing('ttl'));
    expect((await once(db, { ...options, now: new Date(now.getTime() + 59_000) }, createThing('ttl'))).replayed).toBe(true);
    const later = new Date(now.getTime() + 61_000);
    expect((await once(db, { ...options, now: later, fingerprint: requestFingerprint({ other: true }) }, createThing('ttl'))).replayed).toBe(false);
    expect(await count('ttl')).toBe(2);
    expect(await pruneIdempotencyKeys(db, new Date(now.getTime() + 25 * 3_600_000))).toBeGreaterThan(0);
    expect((await db.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM idempotency_keys'))[0].n).toBe(0);
  });

  it('refuses a malformed key before touching the database', async () => {
    await expect(once(db, { scope: 's', key: 'has space', fingerprint: 'f', now }, createThing('never'))).rejects.toMatchObject({ code: 'bad_request' });
    await expect(once(db, { scope: 's', key: '', fingerprint: 'f', now }, createThing('never'))).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('requestFingerprint', () => {
  it('ignores key order and undefined members, and tells different values apart', () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(requestFingerprint({ b: { c: [1, 2] }, a: 1 }));
    expect(requestFingerprint({ a: [1, 2] })).not.toBe(requestFingerprint({ a: [2, 1] }));
    expect(requestFingerprint({ a: '1' })).not.toBe(requestFingerprint({ a: 1 }));
  });
});
