import { randomBytes } from 'node:crypto';
import { JetStreamApiCodes, JetStreamApiError, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventsConfig } from './event-bus.ts';

/** A stream and subject prefix no other test uses, on `NATS_URL` or the local server. */
export function createTestEventsConfig(): EventsConfig {
  const rand = randomBytes(6).toString('hex');
  return {
    natsUrl: process.env.NATS_URL || 'nats://127.0.0.1:4222',
    stream: `T_${rand}`,
    subjectPrefix: `t_${rand}`,
  };
}

/** Deletes the test's stream (and with it its consumers); a missing stream is fine. */
export async function deleteTestStream(config: EventsConfig): Promise<void> {
  const nc = await connect({ servers: config.natsUrl.split(',').map((url) => url.trim()) });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(config.stream).catch((err: unknown) => {
      if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) return;
      throw err;
    });
  } finally {
    await nc.close();
  }
}

/**
 * Polls until `probe` returns a truthy value and returns it, or throws after
 * `timeoutMs` (events arrive asynchronously; tests wait for the effect, not a sleep).
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A `TransactionalDb` over plain `pg` (no generated client): libraries' integration tests. */
export { createPgDb } from './test-support/pg-db.ts';
export type { PgDb } from './test-support/pg-db.ts';
