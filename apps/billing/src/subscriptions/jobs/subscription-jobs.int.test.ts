import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '@scai/clock';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing, testing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../../app.ts';
import { loadBillingConfig } from '../../config.ts';
import { fixedTenantDirectory } from '../../profiles/tenant-directory.ts';
import { createPrisma, type Db } from '../../store/prisma.ts';
import { callerWith } from '../../testing/callers.ts';
import { readyProfile } from '../../testing/fixtures.ts';
import { secondInstance } from '../../testing/second-instance.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-01T00:00:00.000Z');
const clock = manualClock(start);
const root = { caller: callerWith('super_admin') };
const TENANTS = Array.from({ length: 6 }, (_, index) => `tnt_job${index}`);
const adminOf = (tenantId: string) => ({ caller: callerWith('tenant_admin', { tenantId, partnerId: 'prt_p' }) });

const profile = readyProfile('Jobs B.V.');

describe('subscription jobs', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  let testClock: BoundClient<testing.v1.TestClockServiceClient>;
  let prisma: Db;
  const closers: Array<() => void> = [];
  const ids: string[] = [];

  const moveTo = async (at: Date) => (await testClock.setClock({ now: at.toISOString() }, root)).jobsApplied;
  const eventsOf = async (id: string) =>
    prisma.$queryRawUnsafe<{ type: string; data: Record<string, unknown> }[]>(
      "SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id",
      id,
    );
  const statusOf = async (id: string) => (await subscriptions.getSubscription({ id, asAdmin: true }, root)).subscription;

  beforeAll(async () => {
    const tenants = fixedTenantDirectory(TENANTS.map((id) => ({ id, partnerId: 'prt_p', active: true })));
    service = await startTestService({
      name: 'billing',
      env: { TEST_CLOCK_CONTROL: 'true', JOBS_INTERVAL_MS: '3600000', NODE_ENV: 'test' },
      createApp: (env, logger) => createApp(loadBillingConfig(env), { logger, tenants, clock }),
    });
    const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, service.grpcAddress);
    const profilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    const clockClient = createChannelClient(testing.v1.TestClockServiceClient, service.grpcAddress);
    closers.push(() => subscriptionsClient.close(), () => profilesClient.close(), () => clockClient.close());
    subscriptions = bindClient(subscriptionsClient);
    testClock = bindClient(clockClient);
    prisma = createPrisma(service.databaseUrl);
    const profiles = bindClient(profilesClient);
    for (const tenantId of TENANTS) {
      await profiles.putBillingProfile({ tenantId, fields: profile }, root);
      const { subscription } = await subscriptions.createSubscription({ planKey: 'scai-chat.pro', asAdmin: false, tenantId: '', idempotencyKey: '' }, adminOf(tenantId));
      ids.push(subscription!.id);
    }
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('refuses the clock control to anyone but the platform', async () => {
    await expect(testClock.setClock({ now: start.toISOString() }, adminOf(TENANTS[0]))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('announces the trial’s end at 7, 3 and 1 days left, each once, however often it runs', async () => {
    const trialEnd = new Date(start.getTime() + 14 * DAY);
    expect((await moveTo(new Date(trialEnd.getTime() - 8 * DAY)))['trial-ending']).toBe(0);
    expect((await moveTo(new Date(trialEnd.getTime() - 7 * DAY)))['trial-ending']).toBe(6);
    expect((await moveTo(new Date(trialEnd.getTime() - 7 * DAY + 3_600_000)))['trial-ending']).toBe(0);
    expect((await moveTo(new Date(trialEnd.getTime() - 3 * DAY)))['trial-ending']).toBe(6);
    expect((await moveTo(new Date(trialEnd.getTime() - 1 * DAY)))['trial-ending']).toBe(6);
    expect((await moveTo(new Date(trialEnd.getTime() - 1 * DAY + 60_000)))['trial-ending']).toBe(0);
    const notices = (await eventsOf(ids[0])).filter((event) => event.type.endsWith('.trial_ending'));
    expect(notices.map((event) => event.data.days_left)).toEqual([7, 3, 1]);
  });

  it('converts ended trials exactly once with two instances running at the same time', async () => {
    const afterTrial = new Date(start.getTime() + 14 * DAY + 60_000);
    clock.set(afterTrial);
    const other = secondInstance(service.databaseUrl, service.events.subjectPrefix);
    const [mine, theirs] = await Promise.all([testClock.setClock({}, root), other.runDueJobs(afterTrial)]);
    await other.close();
    expect((mine.jobsApplied['trial-conversion'] ?? 0) + theirs['trial-conversion']).toBe(6);
    for (const id of ids) {
      const moves = await prisma.subscriptionTransition.findMany({ where: { subscriptionId: id, fromStatus: 'trialing' } });
      expect(moves.map((move) => [move.toStatus, move.actor])).toEqual([['active', 'system:trial-conversion']]);
    }
    // The first paid period starts when the trial ended, not when the job ran.
    expect(await statusOf(ids[0])).toMatchObject({ status: 'active', currentPeriodStart: '2026-12-15T00:00:00.000Z', currentPeriodEnd: '2027-01-15T00:00:00.000Z' });
  });

  it('reaps scheduled cancellations at period end, renews the rest, and suspends what stayed past due', async () => {
    await subscriptions.cancelSubscription({ id: ids[0], asAdmin: false, immediate: false }, adminOf(TENANTS[0]));
    await subscriptions.overrideSubscription({ id: ids[1], planKey: '', status: 'past_due' }, root);

    const afterPeriod = new Date('2027-01-15T00:00:01.000Z');
    const applied = await moveTo(afterPeriod);
    // ids[1] went past due on Dec 15: its period rolls too, and 31 days past due it is suspended.
    expect(applied).toMatchObject({ reaper: 1, renewal: 5, dunning: 1 });
    expect(await statusOf(ids[1])).toMatchObject({ status: 'suspended', suspendedReason: 'dunning' });
    expect((await eventsOf(ids[0])).at(-1)).toMatchObject({ type: 'scai.billing.subscription.cancelled', data: { effective_immediately: false, terminal_state: 'cancelled' } });
    expect(await statusOf(ids[2])).toMatchObject({ status: 'active', currentPeriodStart: '2027-01-15T00:00:00.000Z', currentPeriodEnd: '2027-02-15T00:00:00.000Z' });
    expect((await eventsOf(ids[2])).at(-1)).toMatchObject({ type: 'scai.billing.subscription.changed', data: { change_kind: 'renewal' } });

    // Catch-up: after months of downtime every missed period rolls in one run.
    const muchLater = new Date('2027-05-20T00:00:00.000Z');
    expect((await moveTo(muchLater)).renewal).toBe(4);
    expect(await statusOf(ids[3])).toMatchObject({ currentPeriodStart: '2027-05-15T00:00:00.000Z', currentPeriodEnd: '2027-06-15T00:00:00.000Z' });
    expect(await moveTo(muchLater)).toMatchObject({ reaper: 0, renewal: 0, dunning: 0, 'trial-conversion': 0, 'trial-ending': 0, 'pack-renewal': 0 });
  });
});
