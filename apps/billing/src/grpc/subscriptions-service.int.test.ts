import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '@scai/clock';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadBillingConfig } from '../config.ts';
import { fixedTenantDirectory } from '../profiles/tenant-directory.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { callerWith } from '../testing/callers.ts';
import { readyProfile } from '../testing/fixtures.ts';

const DAY = 86_400_000;
const start = new Date('2026-12-01T00:00:00.000Z');
const clock = manualClock(start);

const root = { caller: callerWith('super_admin') };
const adminA = { caller: callerWith('tenant_admin', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const memberA = { caller: callerWith('tenant_member', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const adminB = { caller: callerWith('tenant_admin', { tenantId: 'tnt_b', partnerId: 'prt_q' }) };
const partnerP = { caller: callerWith('partner_admin', { partnerId: 'prt_p' }) };

const profile = readyProfile;

interface OutboxRow {
  type: string;
  data: Record<string, unknown>;
}

describe('subscriptions over gRPC', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  let profiles: BoundClient<billing.v1.BillingProfilesServiceClient>;
  let prisma: Db;
  const closers: Array<() => void> = [];

  const eventsOf = async (subscriptionId: string) =>
    prisma.$queryRawUnsafe<OutboxRow[]>(
      "SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id",
      subscriptionId,
    );
  const create = (planKey: string, as = adminA, idempotencyKey = '') => subscriptions.createSubscription({ planKey, asAdmin: false, tenantId: '', idempotencyKey }, as);

  beforeAll(async () => {
    const tenants = fixedTenantDirectory([
      { id: 'tnt_a', partnerId: 'prt_p', active: true },
      { id: 'tnt_b', partnerId: 'prt_q', active: true },
      { id: 'tnt_off', partnerId: 'prt_p', active: false },
    ]);
    service = await startTestService({ name: 'billing', createApp: (env, logger) => createApp(loadBillingConfig(env), { logger, tenants, clock }) });
    const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, service.grpcAddress);
    const profilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    closers.push(() => subscriptionsClient.close(), () => profilesClient.close());
    subscriptions = bindClient(subscriptionsClient);
    profiles = bindClient(profilesClient);
    prisma = createPrisma(service.databaseUrl);
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('needs a billing profile first (409 naming it), and a member may not subscribe', async () => {
    await expect(create('scai-chat.pro', memberA)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(create('scai-chat.pro')).rejects.toMatchObject({ code: 'conflict', details: { missing: ['billing_profile'] } });
    await profiles.putBillingProfile({ tenantId: 'tnt_a', fields: { ...profile('A B.V.'), city: undefined } }, adminA);
    await expect(create('scai-chat.pro')).rejects.toMatchObject({ code: 'conflict', details: { missing: ['city'] } });
    await profiles.putBillingProfile({ tenantId: 'tnt_a', fields: profile('A B.V.') }, adminA);
    await profiles.putBillingProfile({ tenantId: 'tnt_b', fields: profile('B GmbH') }, adminB);
  });

  it('starts a trial from the plan’s trial days and publishes activated once, with the MRR', async () => {
    const { subscription } = await create('scai-chat.pro');
    expect(subscription).toMatchObject({
      tenantId: 'tnt_a',
      partnerId: 'prt_p',
      planKey: 'scai-chat.pro',
      status: 'trialing',
      unitPriceCents: 2900,
      mrrCents: 2900,
      currency: 'EUR',
      trialEndDate: '2026-12-15T00:00:00.000Z',
      currentPeriodStart: start.toISOString(),
      currentPeriodEnd: '2026-12-15T00:00:00.000Z',
    });
    const events = await eventsOf(subscription!.id);
    expect(events.map((event) => event.type)).toEqual(['scai.billing.subscription.activated']);
    expect(events[0].data).toMatchObject({ owner_kind: 'tenant', status: 'trialing', mrr_amount_cents: 2900, plan_key: 'scai-chat.pro' });
    const trail = await prisma.subscriptionTransition.findMany({ where: { subscriptionId: subscription!.id }, orderBy: { id: 'asc' } });
    expect(trail.map((row) => [row.fromStatus, row.toStatus, row.actor])).toEqual([[null, 'pending', 'usr_tenant_admin'], ['pending', 'trialing', 'usr_tenant_admin']]);
  });

  it('holds one live subscription per service: a second is 409 naming the first', async () => {
    const live = (await subscriptions.listSubscriptions({ asAdmin: false, status: 'trialing', tenantId: '', service: '' }, adminA)).subscriptions[0];
    await expect(create('scai-chat.free')).rejects.toMatchObject({ code: 'conflict', details: { subscription_id: live.id } });
  });

  it('answers a repeated Idempotency-Key with the first answer, refuses it with another body, and runs concurrent duplicates once', async () => {
    const first = await create('scai-docs.pro', adminA, 'key-docs-1');
    const again = await create('scai-docs.pro', adminA, 'key-docs-1');
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ subscription: first.subscription, replayed: true });
    await expect(create('scai-docs.trial', adminA, 'key-docs-1')).rejects.toMatchObject({ code: 'conflict' });
    expect(await prisma.subscription.count({ where: { tenantId: 'tnt_a', serviceSlug: 'scai-docs' } })).toBe(1);

    const racing = await Promise.all(Array.from({ length: 5 }, () => create('scai-chat.pro', adminB, 'key-b-1')));
    expect(racing.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(racing.map((result) => result.subscription?.id)).size).toBe(1);
    expect(await prisma.subscription.count({ where: { tenantId: 'tnt_b' } })).toBe(1);
  });

  it('prorates a plan change by the day: the unused days of the old plan are a credit for the next invoice', async () => {
    clock.set(new Date(start.getTime() + 10 * DAY));
    const docs = (await subscriptions.listSubscriptions({ asAdmin: false, status: 'active', tenantId: '', service: '' }, adminA)).subscriptions.find((s) => s.serviceSlug === 'scai-docs')!;
    const { subscription } = await subscriptions.changePlan({ id: docs.id, planKey: 'scai-docs.trial', asAdmin: false }, adminA);
    expect(subscription).toMatchObject({ planKey: 'scai-docs.trial', status: 'active', unitPriceCents: 0, currentPeriodEnd: '2027-01-01T00:00:00.000Z' });
    const { items } = await subscriptions.listPendingItems({ subscriptionId: docs.id, asAdmin: false }, adminA);
    // 1900 × 21 / 31 = 1287.10 → 1287; the new plan costs nothing, so no charge line.
    expect(items.map((item) => [item.kind, item.amountCents, item.description])).toEqual([['proration_credit', -1287, 'Unused time on scai-docs.pro (21 of 31 days)']]);
    const changed = (await eventsOf(docs.id)).at(-1);
    expect(changed).toMatchObject({ type: 'scai.billing.subscription.changed', data: { change_kind: 'plan_change', previous_plan_key: 'scai-docs.pro', plan_key: 'scai-docs.trial' } });

    const override = await subscriptions.overrideSubscription({ id: docs.id, planKey: 'scai-docs.enterprise', status: '' }, root);
    expect(override.subscription).toMatchObject({ planKey: 'scai-docs.enterprise', billingPeriod: 'yearly', currentPeriodStart: clock.now().toISOString() });
    const after = await subscriptions.listPendingItems({ subscriptionId: docs.id, asAdmin: true }, root);
    expect(after.items.map((item) => [item.kind, item.amountCents])).toEqual([['proration_credit', -1287], ['plan_charge', 190000]]);
    await expect(subscriptions.changePlan({ id: docs.id, planKey: 'scai-chat.pro', asAdmin: false }, adminA)).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('a trial converts on a plan change; cancel → cancelling → undo → active; a trial cancelled ends at once', async () => {
    const chat = (await subscriptions.listSubscriptions({ asAdmin: false, status: 'trialing', tenantId: '', service: '' }, adminA)).subscriptions[0];
    const converted = await subscriptions.changePlan({ id: chat.id, planKey: 'scai-chat.enterprise', asAdmin: false }, adminA);
    expect(converted.subscription).toMatchObject({ status: 'active', planKey: 'scai-chat.enterprise', currentPeriodEnd: '2027-12-11T00:00:00.000Z' });

    const cancelling = await subscriptions.cancelSubscription({ id: chat.id, asAdmin: false, immediate: false }, adminA);
    expect(cancelling.subscription).toMatchObject({ status: 'cancelling', pendingCancellationAt: '2027-12-11T00:00:00.000Z' });
    await expect(subscriptions.cancelSubscription({ id: chat.id, asAdmin: false, immediate: false }, adminA)).rejects.toMatchObject({ code: 'bad_request' });
    const undone = await subscriptions.resumeSubscription({ id: chat.id, asAdmin: false }, adminA);
    expect(undone.subscription).toMatchObject({ status: 'active', pendingCancellationAt: undefined });
    const kinds = (await eventsOf(chat.id)).filter((event) => event.type.endsWith('.changed')).map((event) => event.data.change_kind);
    expect(kinds).toEqual(['plan_change', 'scheduled_cancellation', 'scheduled_cancellation_undone']);

    const trialB = (await subscriptions.listSubscriptions({ asAdmin: false, status: '', tenantId: '', service: '' }, adminB)).subscriptions[0];
    const ended = await subscriptions.cancelSubscription({ id: trialB.id, asAdmin: false, immediate: false }, adminB);
    expect(ended.subscription?.status).toBe('cancelled');
    expect((await eventsOf(trialB.id)).at(-1)).toMatchObject({ type: 'scai.billing.subscription.cancelled', data: { effective_immediately: true, terminal_state: 'cancelled', mrr_amount_cents: 0 } });
    // A second subscription to the service has no second trial.
    const again = await create('scai-chat.pro', adminB);
    expect(again.subscription).toMatchObject({ status: 'active', trialEndDate: undefined });
  });

  it('reach: other tenants’ subscriptions are 404; a partner admin lists only its partner’s', async () => {
    const ofA = (await subscriptions.listSubscriptions({ asAdmin: false, status: '', tenantId: '', service: '' }, adminA)).subscriptions;
    await expect(subscriptions.getSubscription({ id: ofA[0].id, asAdmin: false }, adminB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(subscriptions.cancelSubscription({ id: ofA[0].id, asAdmin: false, immediate: true }, adminB)).rejects.toMatchObject({ code: 'not_found' });
    await expect(subscriptions.getSubscription({ id: ofA[0].id, asAdmin: true }, adminA)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(create('scai-chat.free', root)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await subscriptions.getSubscription({ id: ofA[0].id, asAdmin: false }, partnerP)).subscription?.tenantId).toBe('tnt_a');
    const listed = await subscriptions.listSubscriptions({ asAdmin: true, status: '', tenantId: '', service: '' }, partnerP);
    expect(new Set(listed.subscriptions.map((s) => s.tenantId))).toEqual(new Set(['tnt_a']));
    await expect(subscriptions.createSubscription({ planKey: 'scai-chat.free', asAdmin: true, tenantId: 'tnt_b', idempotencyKey: '' }, partnerP)).rejects.toMatchObject({ code: 'not_found' });
    await expect(subscriptions.createSubscription({ planKey: 'scai-chat.free', asAdmin: true, tenantId: 'tnt_off', idempotencyKey: '' }, partnerP)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('admins suspend and resume; bulk reports per id what succeeded and why the rest failed', async () => {
    const chat = (await subscriptions.listSubscriptions({ asAdmin: true, status: 'active', tenantId: 'tnt_a', service: 'scai-chat' }, root)).subscriptions[0];
    const suspended = await subscriptions.suspendSubscription({ id: chat.id, asAdmin: true }, partnerP);
    expect(suspended.subscription).toMatchObject({ status: 'suspended', suspendedReason: 'admin' });
    await expect(subscriptions.resumeSubscription({ id: chat.id, asAdmin: false }, adminA)).rejects.toMatchObject({ code: 'bad_request' });
    const resumed = await subscriptions.resumeSubscription({ id: chat.id, asAdmin: true }, partnerP);
    expect(resumed.subscription?.status).toBe('active');
    expect((await eventsOf(chat.id)).slice(-2).map((event) => event.type)).toEqual(['scai.billing.subscription.suspended', 'scai.billing.subscription.resumed']);

    const cancelledB = (await subscriptions.listSubscriptions({ asAdmin: true, status: 'cancelled', tenantId: 'tnt_b', service: '' }, root)).subscriptions[0];
    const bulk = await subscriptions.bulkAction({ action: 'suspend', ids: [chat.id, 'sub_missing', cancelledB.id, chat.id] }, root);
    expect(bulk.succeeded).toEqual([chat.id]);
    expect(bulk.failed.map((failure) => [failure.id, failure.code])).toEqual([['sub_missing', 'not_found'], [cancelledB.id, 'bad_request']]);
    const partnerBulk = await subscriptions.bulkAction({ action: 'resume', ids: [chat.id, cancelledB.id] }, partnerP);
    expect(partnerBulk.succeeded).toEqual([chat.id]);
    expect(partnerBulk.failed).toEqual([{ id: cancelledB.id, code: 'not_found', message: 'Subscription not found' }]);
  });

  it('counts a service’s live subscriptions across tenants for the platform only (the registry refuses deregistration on it)', async () => {
    const live = (await subscriptions.listSubscriptions({ asAdmin: true, status: '', tenantId: '', service: 'scai-chat' }, root)).subscriptions.filter((s) => !['cancelled', 'expired'].includes(s.status));
    expect((await subscriptions.countLiveSubscriptions({ serviceSlug: 'scai-chat' }, root)).count).toBe(live.length);
    expect(live.length).toBeGreaterThan(0);
    expect((await subscriptions.countLiveSubscriptions({ serviceSlug: 'no-such-service' }, root)).count).toBe(0);
    await expect(subscriptions.countLiveSubscriptions({ serviceSlug: 'scai-chat' }, partnerP)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(subscriptions.countLiveSubscriptions({ serviceSlug: 'scai-chat' }, adminA)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
