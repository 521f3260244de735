import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createEvent, subjectFor } from '@scai/events';
import { expect } from 'vitest';
import { pollUntil, unique, type CrashPlatform } from './crash-platform.ts';

const EVENTS = 1_000;
const PARTNER_DELETED = 'scai.partners.partner.deleted';

/** One partner with one active tenant per event; straight in SQL, since only the consumer is under test. */
async function seed(ctx: CrashPlatform, run: string): Promise<string[]> {
  await ctx.partnersDb.query(
    `INSERT INTO partners (id, name, slug, contact_email, updated_at)
       SELECT $1 || '_p' || n, 'Burst ' || n, $1 || '-p' || n, 'p' || n || '@crash.test', now() FROM generate_series(1, $2) AS n`,
    [run, EVENTS],
  );
  await ctx.partnersDb.query(
    `INSERT INTO tenants (id, partner_id, name, slug, contact_email, updated_at)
       SELECT $1 || '_t' || n, $1 || '_p' || n, 'Burst ' || n, $1 || '-t' || n, 't' || n || '@crash.test', now() FROM generate_series(1, $2) AS n`,
    [run, EVENTS],
  );
  return Array.from({ length: EVENTS }, (_, i) => `${run}_p${i + 1}`);
}

/** How many of this run's tenants are suspended, and how many suspensions (outbox events) there were. */
async function effects(ctx: CrashPlatform, run: string): Promise<{ suspended: number; suspensions: number; tenantsSuspendedTwice: number }> {
  const { rows } = await ctx.partnersDb.query<{ suspended: number; suspensions: number; twice: number }>(
    `SELECT
       (SELECT count(*)::int FROM tenants WHERE id LIKE $1 AND status = 'SUSPENDED') AS suspended,
       (SELECT count(*)::int FROM outbox_events WHERE subject LIKE '%tenant.suspended' AND payload->'data'->>'id' LIKE $1) AS suspensions,
       (SELECT count(*)::int FROM (SELECT 1 FROM outbox_events WHERE subject LIKE '%tenant.suspended' AND payload->'data'->>'id' LIKE $1
                                   GROUP BY payload->'data'->>'id' HAVING count(*) > 1) AS d) AS twice`,
    [`${run}\\_t%`],
  );
  return { suspended: rows[0].suspended, suspensions: rows[0].suspensions, tenantsSuspendedTwice: rows[0].twice };
}

/**
 * kill -9 the consumer (the partners app's partner.deleted consumer) halfway through a
 * burst of 1,000 events, restart it: every tenant is suspended, each exactly once. The
 * events the dead process had fetched but not acked come back after JetStream's ack wait.
 */
export async function consumerBurstKill(ctx: CrashPlatform): Promise<void> {
  const run = unique('burst').replace('-', '');
  const partnerIds = await seed(ctx, run);

  const nc = await connect({ servers: ctx.natsUrl });
  try {
    const js = jetstream(nc);
    const subject = subjectFor(PARTNER_DELETED, ctx.eventsSubjectPrefix);
    const events = partnerIds.map((id) => createEvent({ source: '/crash/burst', type: PARTNER_DELETED, subject: id, data: { id }, partnerId: id }));
    for (let i = 0; i < events.length; i += 100) {
      await Promise.all(events.slice(i, i + 100).map((event) => js.publish(subject, JSON.stringify(event), { msgID: event.id })));
    }

    const atKill = await pollUntil(() => effects(ctx, run), (now) => now.suspended >= EVENTS / 2, 60_000, 10);
    await ctx.platform.apps.kill('partners', 'SIGKILL');
    const afterKill = await effects(ctx, run);
    // Halfway for real: the process died with work left.
    expect(afterKill.suspended).toBeLessThan(EVENTS);
    expect(afterKill.suspended).toBeGreaterThanOrEqual(atKill.suspended);

    await ctx.platform.apps.start('partners');
    await pollUntil(() => effects(ctx, run), (now) => now.suspended === EVENTS, 90_000, 200);
    const { rows } = await ctx.partnersDb.query<{ handled: number }>(
      'SELECT count(*)::int AS handled FROM processed_events WHERE event_id = ANY($1::text[])',
      [events.map((event) => event.id)],
    );
    expect(rows[0].handled).toBe(EVENTS);
    expect(await effects(ctx, run)).toEqual({ suspended: EVENTS, suspensions: EVENTS, tenantsSuspendedTwice: 0 });
  } finally {
    await nc.close();
  }
}
