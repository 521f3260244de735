import { SYSTEM_CALLER } from '@scai/permissions';
import { expect } from 'vitest';
import { pollUntil, unique, type CrashPlatform } from './crash-platform.ts';
import { startNatsProxy } from './nats-proxy.ts';

const TENANTS = 3;
const caller = { caller: SYSTEM_CALLER };

async function outboxRows(ctx: CrashPlatform, subjectEnd: string, dataId: string) {
  const { rows } = await ctx.partnersDb.query<{ id: string; published: boolean; data_id: string }>(
    `SELECT id, published_at IS NOT NULL AS published, payload->'data'->>'id' AS data_id
       FROM outbox_events WHERE subject LIKE $1 AND payload->'data'->>'id' = ANY($2::text[])`,
    [`%${subjectEnd}`, [dataId]],
  );
  return rows;
}

/**
 * kill -9 the partners app after the soft delete committed but before its relay
 * published `partner.deleted`; after a restart the tenants are suspended exactly once.
 *
 * How the kill lands in that window for sure: partners runs with its NATS connection
 * through a proxy, and the proxy is cut before the delete. PostgreSQL still works, so the
 * delete and its outbox row commit; the relay cannot reach JetStream, so the row stays
 * unpublished (the test checks so) until the process is killed.
 */
export async function partnerDeleteKill(ctx: CrashPlatform): Promise<void> {
  const { platform } = ctx;
  const proxy = await startNatsProxy(ctx.natsUrl);
  try {
    await platform.apps.kill('partners', 'SIGTERM');
    await platform.apps.start('partners', { env: { NATS_URL: proxy.url } });

    const slug = unique('prt');
    const created = await ctx.partnersGrpc.createPartner({ name: `Partner ${slug}`, slug, contactEmail: `${slug}@crash.test` }, caller);
    const partnerId = created.partner?.id ?? '';
    const tenantIds: string[] = [];
    for (let i = 0; i < TENANTS; i += 1) {
      const tenantSlug = unique('tnt');
      const tenant = await ctx.tenantsGrpc.createTenant(
        { partnerId, name: `Tenant ${tenantSlug}`, slug: tenantSlug, contactEmail: `${tenantSlug}@crash.test` },
        caller,
      );
      tenantIds.push(tenant.tenant?.id ?? '');
    }

    proxy.cut();
    await ctx.partnersGrpc.deletePartner({ id: partnerId }, caller);
    const [pending] = await outboxRows(ctx, 'partner.deleted', partnerId);
    expect(pending).toMatchObject({ published: false });

    expect((await platform.apps.kill('partners', 'SIGKILL')).signal).toBe('SIGKILL');
    // Still between the commit and the publish when the process died.
    expect(await outboxRows(ctx, 'partner.deleted', partnerId)).toEqual([{ ...pending, published: false }]);

    await platform.apps.start('partners', { env: { NATS_URL: ctx.natsUrl } });
    const statuses = () =>
      ctx.partnersDb
        .query<{ status: string }>('SELECT status FROM tenants WHERE id = ANY($1::text[])', [tenantIds])
        .then((result) => result.rows.map((row) => row.status));
    expect(await pollUntil(statuses, (all) => all.every((status) => status === 'SUSPENDED'), 30_000)).toHaveLength(TENANTS);

    expect(await outboxRows(ctx, 'partner.deleted', partnerId)).toEqual([{ ...pending, published: true }]);
    const { rows: handled } = await ctx.partnersDb.query('SELECT 1 FROM processed_events WHERE event_id = $1', [pending.id]);
    expect(handled).toHaveLength(1);
    // Once, not twice: one suspension (state change and its event) per tenant, even after
    // a redelivery had a chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const suspensions = await Promise.all(tenantIds.map((id) => outboxRows(ctx, 'tenant.suspended', id)));
    expect(suspensions.map((rows) => rows.length)).toEqual(tenantIds.map(() => 1));
  } finally {
    await proxy.close();
  }
}
