import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '@scai/clock';
import { connectEvents, type EventBus } from '@scai/events';
import { waitFor } from '@scai/events/testing';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createLogger } from '@scai/telemetry';
import { createApp } from '../app.ts';
import { loadBillingConfig } from '../config.ts';
import { fixedTenantDirectory } from '../profiles/tenant-directory.ts';
import { callerWith } from '../testing/callers.ts';
import { partnersTenantEvent, readyProfile } from '../testing/fixtures.ts';

const root = { caller: callerWith('super_admin') };
const tenantEvent = (type: string, data: Record<string, unknown>, tenantId = 'tnt_s') => partnersTenantEvent(tenantId, type, data);
const profile = readyProfile('S B.V.');

describe('subscriptions follow their tenant’s status (partners events)', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  let bus: EventBus;
  const closers: Array<() => void> = [];
  const ids: Record<string, string> = {};

  const statusOf = async (id: string) => (await subscriptions.getSubscription({ id, asAdmin: true }, root)).subscription;

  beforeAll(async () => {
    const tenants = fixedTenantDirectory([{ id: 'tnt_s', partnerId: 'prt_p', active: true }, { id: 'tnt_t', partnerId: 'prt_p', active: true }]);
    service = await startTestService({
      name: 'billing',
      createApp: (env, logger) => createApp(loadBillingConfig(env), { logger, tenants, clock: manualClock(new Date('2026-12-01T00:00:00Z')) }),
    });
    const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, service.grpcAddress);
    const profilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    closers.push(() => subscriptionsClient.close(), () => profilesClient.close());
    subscriptions = bindClient(subscriptionsClient);
    for (const tenantId of ['tnt_s', 'tnt_t']) await bindClient(profilesClient).putBillingProfile({ tenantId, fields: profile }, root);
    const create = async (planKey: string, tenantId = 'tnt_s') => (await subscriptions.createSubscription({ planKey, asAdmin: true, tenantId, idempotencyKey: '' }, root)).subscription!.id;
    ids.trial = await create('scai-chat.pro', 'tnt_t');
    ids.docs = await create('scai-docs.pro');
    ids.chat = await create('scai-chat.free');
    await subscriptions.suspendSubscription({ id: ids.chat, asAdmin: true }, root);
    bus = await connectEvents(service.events, { logger: createLogger({ name: 'test', level: 'silent' }), name: 'test' });
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await bus?.close();
    await service?.stop();
  });

  it('suspends live subscriptions when the tenant is suspended, and resumes only those when it is active again', async () => {
    await bus.publishDirect(tenantEvent('suspended', { status: 'SUSPENDED', reason: 'admin' }));
    await waitFor(async () => (await statusOf(ids.docs))?.status === 'suspended', 10_000);
    expect(await statusOf(ids.docs)).toMatchObject({ suspendedReason: 'tenant_suspended' });

    const unrelated = tenantEvent('updated', { status: 'ACTIVE', changed: ['name'] });
    await bus.publishDirect(unrelated);
    const reactivated = tenantEvent('updated', { status: 'ACTIVE', changed: ['status'] });
    await bus.publishDirect(reactivated);
    await waitFor(async () => (await statusOf(ids.docs))?.status === 'active', 10_000);
    // The admin's own pause is not the tenant's to lift.
    expect(await statusOf(ids.chat)).toMatchObject({ status: 'suspended', suspendedReason: 'admin' });

    // A redelivered event changes nothing (processed_events), a deletion pauses again.
    await bus.publishDirect(reactivated);
    await bus.publishDirect(tenantEvent('deleted', { status: 'ACTIVE' }));
    await waitFor(async () => (await statusOf(ids.docs))?.status === 'suspended', 10_000);
  });

  it('pauses a trial with its tenant, so it cannot convert into a paid period, and puts it back into the trial', async () => {
    expect(await statusOf(ids.trial)).toMatchObject({ status: 'trialing' });
    await bus.publishDirect(tenantEvent('suspended', { status: 'SUSPENDED', reason: 'admin' }, 'tnt_t'));
    await waitFor(async () => (await statusOf(ids.trial))?.status === 'suspended', 10_000);
    await bus.publishDirect(tenantEvent('updated', { status: 'ACTIVE', changed: ['status'] }, 'tnt_t'));
    await waitFor(async () => (await statusOf(ids.trial))?.status === 'trialing', 10_000);
    expect(await statusOf(ids.trial)).toMatchObject({ suspendedReason: undefined });
  });
});
