import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from './cloud-event.ts';
import type { CloudEvent } from './cloud-event.ts';
import { ensureStream } from './stream.ts';
import { createHarness, silentLogger } from './test-support/harness.ts';
import type { Harness } from './test-support/harness.ts';
import { waitFor } from './testing.ts';

function thingHappened(n: number): CloudEvent<{ n: number }> {
  return createEvent({ source: '/apps/test', type: 'scai.test.thing.happened', subject: `thing_${n}`, data: { n } });
}

async function pendingCount(h: Harness): Promise<number> {
  const rows = await h.database.db.$queryRawUnsafe<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL',
  );
  return rows[0].n;
}

describe('outbox relay', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.tearDown();
  });

  it('publishes each committed event exactly once even with two relays', async () => {
    const events = Array.from({ length: 60 }, (_, i) => thingHappened(i));
    // Several commits, so both relays find work at the same time.
    for (let i = 0; i < events.length; i += 10) {
      await h.database.db.$transaction(async (tx) => {
        for (const event of events.slice(i, i + 10)) await h.bus.add(tx, event);
      });
    }
    const relays = [
      h.bus.startRelay(h.database.db, { intervalMs: 5, batchSize: 7 }),
      h.bus.startRelay(h.database.db, { intervalMs: 5, batchSize: 7 }),
    ];
    await waitFor(async () => (await pendingCount(h)) === 0);

    const messages = await h.streamMessages();
    expect(messages).toHaveLength(events.length);
    expect(new Set(messages.map((m) => (m.body as CloudEvent).id)).size).toBe(events.length);
    const stats = relays.map((relay) => relay.stats());
    expect(stats[0].published + stats[1].published).toBe(events.length);
    // No row went out twice: JetStream saw no duplicate Nats-Msg-Id.
    expect(stats[0].duplicates + stats[1].duplicates).toBe(0);

    const first = messages[0];
    expect(first.subject).toBe(`${h.config.subjectPrefix}.test.thing.happened`);
    expect(first.headers?.get('Nats-Msg-Id')).toBe((first.body as CloudEvent).id);
    expect(first.headers?.get('content-type')).toBe('application/cloudevents+json');
    const attempts = await h.database.db.$queryRawUnsafe<{ attempts: number }[]>('SELECT DISTINCT attempts FROM outbox_events');
    expect(attempts).toEqual([{ attempts: 1 }]);
  });

  it('publishes in commit order', async () => {
    const events = Array.from({ length: 25 }, (_, i) => thingHappened(i));
    for (const event of events) await h.database.db.$transaction((tx) => h.bus.add(tx, event));
    h.bus.startRelay(h.database.db, { intervalMs: 5, batchSize: 10 });
    await waitFor(async () => (await pendingCount(h)) === 0);
    expect((await h.streamMessages()).map((m) => (m.body as CloudEvent).id)).toEqual(events.map((e) => e.id));
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const relay = h.bus.startRelay(h.database.db, { intervalMs: 5 });
    const lost = thingHappened(1);
    await expect(
      h.database.db.$transaction(async (tx) => {
        await h.bus.add(tx, lost);
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    // A later committed event proves the relay ran past the point of the rollback.
    const kept = thingHappened(2);
    await h.database.db.$transaction((tx) => h.bus.add(tx, kept));
    await waitFor(async () => (await pendingCount(h)) === 0 && relay.stats().published === 1);

    const messages = await h.streamMessages();
    expect(messages.map((m) => (m.body as CloudEvent).id)).toEqual([kept.id]);
  });

  it('publishes right away when nudged after a commit', async () => {
    const relay = h.bus.startRelay(h.database.db, { intervalMs: 60_000 });
    // Let the first (empty) poll pass, so only the nudge can find the event.
    await waitFor(async () => (await pendingCount(h)) === 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const event = thingHappened(1);
    await h.database.db.$transaction((tx) => h.bus.add(tx, event));
    relay.nudge();
    await waitFor(() => relay.stats().published === 1, 2000);
    expect((await h.streamMessages()).map((m) => (m.body as CloudEvent).id)).toEqual([event.id]);
  });

  it('keeps events while publishing fails, counts the attempts, and publishes once it can', async () => {
    // With the stream gone nothing can store the events: the same as JetStream being down.
    await h.jsm.streams.delete(h.config.stream);
    const relay = h.bus.startRelay(h.database.db, { intervalMs: 5, publishTimeoutMs: 300, maxBackoffMs: 50 });
    const event = thingHappened(1);
    await h.database.db.$transaction((tx) => h.bus.add(tx, event));

    await waitFor(() => relay.stats().failures >= 2);
    expect(await pendingCount(h)).toBe(1);
    await ensureStream(h.jsm, { stream: h.config.stream, subjectPrefix: h.config.subjectPrefix, logger: silentLogger });

    await waitFor(async () => (await pendingCount(h)) === 0);
    const [row] = await h.database.db.$queryRawUnsafe<{ attempts: number }[]>('SELECT attempts FROM outbox_events');
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect((await h.streamMessages()).map((m) => (m.body as CloudEvent).id)).toEqual([event.id]);
  });
});
