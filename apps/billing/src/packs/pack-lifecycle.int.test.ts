import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '@scai/clock';
import { connectEvents, type EventBus } from '@scai/events';
import { waitFor } from '@scai/events/testing';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing, testing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createLogger } from '@scai/telemetry';
import { createApp } from '../app.ts';
import { loadBillingConfig } from '../config.ts';
import { fixedTenantDirectory } from '../profiles/tenant-directory.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { callerWith } from '../testing/callers.ts';
import { partnersTenantEvent, readyProfile } from '../testing/fixtures.ts';
import { secondInstance } from '../testing/second-instance.ts';

const start = new Date('2026-12-01T00:00:00.000Z');
const clock = manualClock(start);
const root = { caller: callerWith('super_admin') };
const TENANTS = ['tnt_pk0', 'tnt_pk1'];
const adminOf = (tenantId: string) => ({ caller: callerWith('tenant_admin', { tenantId, partnerId: 'prt_p' }) });
const profile = readyProfile('Pack Life B.V.');

describe('pack subscriptions over time (renewals, their tenant’s status) and what the tenant summaries count', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let packs: BoundClient<billing.v1.PackSubscriptionsServiceClient>;
  let profiles: BoundClient<billing.v1.BillingProfilesServiceClient>;
  let subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  let testClock: BoundClient<testing.v1.TestClockServiceClient>;
  let prisma: Db;
  let bus: EventBus;
  const closers: Array<() => void> = [];
  const packIds: string[] = [];

  const packOf = async (id: string) => (await packs.getPackSubscription({ id }, adminOf(TENANTS[packIds.indexOf(id)]))).packSubscription!;
  const eventsOf = async (subject: string) =>
    prisma.$queryRawUnsafe<{ type: string; data: Record<string, unknown> }[]>(
      "SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id",
      subject,
    );

  beforeAll(async () => {
    const tenants = fixedTenantDirectory([...TENANTS, 'tnt_solo'].map((id) => ({ id, partnerId: 'prt_p', active: true })));
    service = await startTestService({
      name: 'billing',
      env: { TEST_CLOCK_CONTROL: 'true', JOBS_INTERVAL_MS: '3600000', NODE_ENV: 'test' },
      createApp: (env, logger) => createApp(loadBillingConfig(env), { logger, tenants, clock }),
    });
    const packsClient = createChannelClient(billing.v1.PackSubscriptionsServiceClient, service.grpcAddress);
    const profilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    const clockClient = createChannelClient(testing.v1.TestClockServiceClient, service.grpcAddress);
    const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, service.grpcAddress);
    closers.push(() => packsClient.close(), () => profilesClient.close(), () => clockClient.close(), () => subscriptionsClient.close());
    packs = bindClient(packsClient);
    profiles = bindClient(profilesClient);
    subscriptions = bindClient(subscriptionsClient);
    testClock = bindClient(clockClient);
    prisma = createPrisma(service.databaseUrl);
    bus = await connectEvents(service.events, { logger: createLogger({ name: 'test', level: 'silent' }), name: 'test' });
    for (const tenantId of TENANTS) {
      await profiles.putBillingProfile({ tenantId, fields: profile }, root);
      packIds.push((await packs.subscribePack({ slug: 'productivity-suite', idempotencyKey: '' }, adminOf(tenantId))).packSubscription!.id);
    }
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await bus?.close();
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('puts the children on the pack’s period from the purchase on', async () => {
    const pack = await packOf(packIds[0]);
    expect(pack).toMatchObject({ currentPeriodStart: start.toISOString(), currentPeriodEnd: '2027-01-01T00:00:00.000Z' });
    for (const child of pack.children) expect([child.currentPeriodStart, child.currentPeriodEnd]).toEqual([pack.currentPeriodStart, pack.currentPeriodEnd]);
  });

  it('renews each pack once with two instances running, its children on the new period, and catches up missed periods', async () => {
    const afterPeriod = new Date('2027-01-01T00:00:01.000Z');
    clock.set(afterPeriod);
    const other = secondInstance(service.databaseUrl, service.events.subjectPrefix);
    const [mine, theirs] = await Promise.all([testClock.setClock({}, root), other.runDueJobs(afterPeriod)]);
    await other.close();
    expect((mine.jobsApplied['pack-renewal'] ?? 0) + theirs['pack-renewal']).toBe(2);
    // Children are not renewed on their own: they take the pack's period.
    expect((mine.jobsApplied.renewal ?? 0) + theirs.renewal).toBe(0);

    const pack = await packOf(packIds[0]);
    expect(pack).toMatchObject({ status: 'active', currentPeriodStart: '2027-01-01T00:00:00.000Z', currentPeriodEnd: '2027-02-01T00:00:00.000Z' });
    for (const child of pack.children) expect([child.currentPeriodStart, child.currentPeriodEnd]).toEqual([pack.currentPeriodStart, pack.currentPeriodEnd]);
    expect((await eventsOf(pack.id)).at(-1)).toMatchObject({
      type: 'scai.billing.pack_subscription.changed',
      data: { change_kind: 'renewal', previous_status: 'active', current_period_end: '2027-02-01T00:00:00.000Z' },
    });
    const audit = await prisma.packSubscriptionTransition.findMany({ where: { packSubscriptionId: pack.id }, orderBy: { at: 'asc' } });
    expect(audit.map((row) => row.changeKind)).toEqual(['created', 'renewal']);
    expect(audit[1]).toMatchObject({ fromStatus: 'active', toStatus: 'active', actor: 'system:pack-renewal' });

    const muchLater = new Date('2027-04-15T00:00:00.000Z');
    expect((await testClock.setClock({ now: muchLater.toISOString() }, root)).jobsApplied['pack-renewal']).toBe(2);
    expect(await packOf(packIds[0])).toMatchObject({ currentPeriodStart: '2027-04-01T00:00:00.000Z', currentPeriodEnd: '2027-05-01T00:00:00.000Z' });
    expect((await testClock.setClock({ now: muchLater.toISOString() }, root)).jobsApplied['pack-renewal']).toBe(0);
  });

  it('suspends the pack and its children with the tenant, resumes them with it, and leaves other tenants alone', async () => {
    const [mine, theirs] = packIds;
    await bus.publishDirect(partnersTenantEvent(TENANTS[0], 'suspended', { status: 'SUSPENDED', reason: 'admin' }));
    await waitFor(async () => (await packOf(mine)).status === 'suspended', 10_000);
    const paused = await packOf(mine);
    expect(paused.children.map((child) => [child.status, child.suspendedReason])).toEqual([
      ['suspended', 'tenant_suspended'],
      ['suspended', 'tenant_suspended'],
    ]);
    expect((await eventsOf(mine)).at(-1)).toMatchObject({ type: 'scai.billing.pack_subscription.changed', data: { change_kind: 'suspended', suspended_reason: 'tenant_suspended', mrr_amount_cents: 4080 } });
    expect((await eventsOf(paused.children[0].id)).at(-1)).toMatchObject({ type: 'scai.billing.subscription.suspended', data: { reason: 'tenant_suspended' } });
    expect((await packOf(theirs)).status).toBe('active');

    await bus.publishDirect(partnersTenantEvent(TENANTS[0], 'updated', { status: 'ACTIVE', changed: ['status'] }));
    await waitFor(async () => (await packOf(mine)).status === 'active', 10_000);
    expect((await packOf(mine)).children.map((child) => child.status)).toEqual(['active', 'active']);
    expect((await eventsOf(mine)).at(-1)).toMatchObject({ type: 'scai.billing.pack_subscription.changed', data: { change_kind: 'resumed', previous_status: 'suspended', suspended_reason: null } });
  });

  it('summarises each tenant’s billing for the admin list: a pack counts once at its price, ended ones not at all', async () => {
    await profiles.putBillingProfile({ tenantId: 'tnt_solo', fields: profile }, root);
    const buy = async (planKey: string) => (await subscriptions.createSubscription({ planKey, asAdmin: true, tenantId: 'tnt_solo', idempotencyKey: '' }, root)).subscription!;
    const yearly = await buy('scai-chat.enterprise');
    const docs = await buy('scai-docs.pro');
    await subscriptions.cancelSubscription({ id: docs.id, asAdmin: true, immediate: true }, root);
    await buy('scai-docs.pro');
    // A trial is live but earns nothing yet; once it converts it counts.
    expect(yearly).toMatchObject({ status: 'trialing' });
    const trialView = (await profiles.listBillingSummaries({ tenantIds: ['tnt_solo'] }, root)).summaries[0];
    expect([trialView.liveSubscriptions, trialView.mrr]).toEqual([2, [{ currency: 'EUR', amountCents: 1900 }]]);
    await subscriptions.overrideSubscription({ id: yearly.id, planKey: '', status: 'active' }, root);

    const partnerP = { caller: callerWith('partner_admin', { partnerId: 'prt_p' }) };
    const { summaries } = await profiles.listBillingSummaries({ tenantIds: [...TENANTS, 'tnt_solo', 'tnt_none'] }, partnerP);
    const view = Object.fromEntries(summaries.map((summary) => [summary.tenantId, [summary.liveSubscriptions, summary.livePacks, summary.mrr]]));
    expect(view).toEqual({
      tnt_pk0: [2, 1, [{ currency: 'EUR', amountCents: 4080 }]],
      tnt_pk1: [2, 1, [{ currency: 'EUR', amountCents: 4080 }]],
      // 2,990.00 a year is 249.17 a month (half-even), plus 19.00; the cancelled one adds nothing.
      tnt_solo: [2, 0, [{ currency: 'EUR', amountCents: 24917 + 1900 }]],
    });
    const partnerQ = { caller: callerWith('partner_admin', { partnerId: 'prt_q' }) };
    expect((await profiles.listBillingSummaries({ tenantIds: ['tnt_solo'] }, partnerQ)).summaries).toEqual([]);
  });
});
