import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from './cloud-event.ts';
import type { CloudEvent } from './cloud-event.ts';
import type { SqlClient } from './sql-client.ts';
import { createHarness } from './test-support/harness.ts';
import type { Harness } from './test-support/harness.ts';
import { subjectFor } from './subject.ts';
import { waitFor } from './testing.ts';

// The handler's side effect: a row per run, in the handler's transaction.
const EFFECTS = 'CREATE TABLE effects (event_id text NOT NULL, note text NOT NULL);';

async function recordEffect(tx: SqlClient, event: CloudEvent, note = 'handled'): Promise<void> {
  await tx.$executeRawUnsafe('INSERT INTO effects (event_id, note) VALUES ($1, $2)', event.id, note);
}

async function count(h: Harness, sql: string): Promise<number> {
  const rows = await h.database.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`);
  return rows[0].n;
}

function tenantCreated(): CloudEvent<{ tenantId: string }> {
  return createEvent({ source: '/apps/partners', type: 'scai.partners.tenant.created', data: { tenantId: 'tnt_1' } });
}

describe('durable consumer', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(EFFECTS);
  });
  afterEach(async () => {
    await h.tearDown();
  });

  it('handles an event once even when the same event is delivered twice', async () => {
    const event = tenantCreated();
    // Two stream messages for one event, as after a lost ack or a publish outside the dedup window.
    const subject = subjectFor(event.type, h.config.subjectPrefix);
    await h.js.publish(subject, JSON.stringify(event), { msgID: `${event.id}-a` });
    await h.js.publish(subject, JSON.stringify(event), { msgID: `${event.id}-b` });

    const consumer = await h.bus.consume({
      durable: 'billing-tenant-created',
      filter: 'scai.partners.tenant.created',
      db: h.database.db,
      handler: (e, tx) => recordEffect(tx, e),
    });
    await waitFor(() => consumer.stats().handled + consumer.stats().duplicates === 2);

    expect(consumer.stats()).toEqual({ handled: 1, duplicates: 1, failures: 0 });
    expect(await count(h, 'effects')).toBe(1);
    const processed = await h.database.db.$queryRawUnsafe<{ consumer: string; event_id: string }[]>(
      'SELECT consumer, event_id FROM processed_events',
    );
    expect(processed).toEqual([{ consumer: 'billing-tenant-created', event_id: event.id }]);
  });

  it('only sees the events its filter names, and each consumer handles them on its own', async () => {
    const wanted = tenantCreated();
    const other = createEvent({ source: '/apps/billing', type: 'scai.billing.invoice.finalized', data: {} });
    const seen: Record<string, string[]> = { narrow: [], wide: [] };
    const consume = (durable: 'narrow' | 'wide', filter: string) =>
      h.bus.consume({
        durable,
        filter,
        db: h.database.db,
        handler: async (e, tx) => {
          seen[durable].push(e.type);
          await recordEffect(tx, e, durable);
        },
      });
    const narrow = await consume('narrow', 'scai.partners.tenant.created');
    const wide = await consume('wide', 'scai.>');
    await h.bus.publishDirect(wanted);
    await h.bus.publishDirect(other);

    await waitFor(() => wide.stats().handled === 2 && narrow.stats().handled === 1);
    expect(seen.narrow).toEqual(['scai.partners.tenant.created']);
    expect(seen.wide.sort()).toEqual(['scai.billing.invoice.finalized', 'scai.partners.tenant.created']);
    expect(await count(h, 'processed_events')).toBe(3);
  });

  it('rolls back a failing handler, records nothing, and retries the event', async () => {
    const event = tenantCreated();
    const deliveries: number[] = [];
    let processedDuringRetry = -1;
    const consumer = await h.bus.consume({
      durable: 'flaky',
      filter: 'scai.partners.>',
      db: h.database.db,
      retry: { initialDelayMs: 20 },
      handler: async (e, tx) => {
        deliveries.push(Date.now());
        await recordEffect(tx, e);
        if (deliveries.length === 1) throw new Error('downstream unavailable');
        processedDuringRetry = await count(h, 'processed_events');
      },
    });
    await h.bus.publishDirect(event);
    await waitFor(() => consumer.stats().handled === 1);

    expect(consumer.stats()).toEqual({ handled: 1, duplicates: 0, failures: 1 });
    expect(deliveries).toHaveLength(2);
    // The first run's effect and processed_events row were rolled back together.
    expect(processedDuringRetry).toBe(0);
    expect(await count(h, 'effects')).toBe(1);
    expect(await count(h, 'processed_events')).toBe(1);
  });

  it('gives up after maxDeliver failed deliveries', async () => {
    let runs = 0;
    const consumer = await h.bus.consume({
      durable: 'hopeless',
      filter: 'scai.partners.tenant.created',
      db: h.database.db,
      maxDeliver: 3,
      retry: { initialDelayMs: 10, maxDelayMs: 20 },
      handler: async () => {
        runs += 1;
        throw new Error('always fails');
      },
    });
    await h.bus.publishDirect(tenantCreated());
    await waitFor(() => consumer.stats().failures === 3);
    await new Promise((resolve) => setTimeout(resolve, 150));

    expect(runs).toBe(3);
    expect(await count(h, 'processed_events')).toBe(0);
    const info = await h.jsm.consumers.info(h.config.stream, 'hopeless');
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  });

  it('resumes where it left off after a restart, with the settings it is restarted with', async () => {
    const handler = (e: CloudEvent, tx: SqlClient) => recordEffect(tx, e);
    const db = h.database.db;
    const first = await h.bus.consume({ durable: 'restart', filter: 'scai.partners.>', db, handler });
    await h.bus.publishDirect(tenantCreated());
    await waitFor(() => first.stats().handled === 1);
    await first.stop();

    await h.bus.publishDirect(tenantCreated());
    const second = await h.bus.consume({ durable: 'restart', filter: 'scai.partners.tenant.*', db, handler, maxDeliver: 4 });
    await waitFor(() => second.stats().handled === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.stats()).toEqual({ handled: 1, duplicates: 0, failures: 0 });
    expect(await count(h, 'effects')).toBe(2);
    const { config } = await h.jsm.consumers.info(h.config.stream, 'restart');
    expect(config.max_deliver).toBe(4);
    expect(config.filter_subject).toBe(`${h.config.subjectPrefix}.partners.tenant.*`);
  });

  it('terminates a message that is not a CloudEvent and goes on with the next', async () => {
    const consumer = await h.bus.consume({
      durable: 'poison',
      filter: 'scai.partners.>',
      db: h.database.db,
      handler: (e, tx) => recordEffect(tx, e),
    });
    await h.js.publish(`${h.config.subjectPrefix}.partners.tenant.created`, 'not json');
    await h.bus.publishDirect(tenantCreated());
    await waitFor(() => consumer.stats().handled === 1);
    const info = await waitFor(async () => {
      const i = await h.jsm.consumers.info(h.config.stream, 'poison');
      return i.num_ack_pending === 0 ? i : undefined;
    });
    expect(info.num_redelivered).toBe(0);
    expect(await count(h, 'effects')).toBe(1);
  });
});
