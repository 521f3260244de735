import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadBillingConfig } from '../config.ts';
import { fixedTenantDirectory } from '../profiles/tenant-directory.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { callerWith } from '../testing/callers.ts';
import { readyProfile } from '../testing/fixtures.ts';

const adminA = { caller: callerWith('tenant_admin', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const adminB = { caller: callerWith('tenant_admin', { tenantId: 'tnt_b', partnerId: 'prt_q' }) };
const root = { caller: callerWith('super_admin') };
const profile = readyProfile('Pack B.V.');

describe('service pack subscriptions over gRPC', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let packs: BoundClient<billing.v1.PackSubscriptionsServiceClient>;
  let subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  let prisma: Db;
  const closers: Array<() => void> = [];
  const typesOf = async (subject: string) =>
    (await prisma.$queryRawUnsafe<{ type: string }[]>("SELECT payload->>'type' AS type FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id", subject)).map((row) => row.type);

  beforeAll(async () => {
    const tenants = fixedTenantDirectory([{ id: 'tnt_a', partnerId: 'prt_p', active: true }, { id: 'tnt_b', partnerId: 'prt_q', active: true }]);
    service = await startTestService({ name: 'billing', createApp: (env, logger) => createApp(loadBillingConfig(env), { logger, tenants }) });
    const packsClient = createChannelClient(billing.v1.PackSubscriptionsServiceClient, service.grpcAddress);
    const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, service.grpcAddress);
    const profilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, service.grpcAddress);
    closers.push(() => packsClient.close(), () => subscriptionsClient.close(), () => profilesClient.close());
    packs = bindClient(packsClient);
    subscriptions = bindClient(subscriptionsClient);
    prisma = createPrisma(service.databaseUrl);
    await bindClient(profilesClient).putBillingProfile({ tenantId: 'tnt_a', fields: profile }, adminA);
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('buys a pack as one line with a child per item, once per Idempotency-Key', async () => {
    await expect(packs.subscribePack({ slug: 'productivity-suite', idempotencyKey: '' }, adminB)).rejects.toMatchObject({ code: 'conflict', details: { missing: ['billing_profile'] } });
    const bought = await packs.subscribePack({ slug: 'productivity-suite', idempotencyKey: 'pack-1' }, adminA);
    expect(bought.packSubscription).toMatchObject({ tenantId: 'tnt_a', packSlug: 'productivity-suite', status: 'active', priceCents: 4080, currency: 'EUR', mrrCents: 4080 });
    const children = bought.packSubscription!.children;
    expect(children.map((child) => [child.planKey, child.status, child.unitPriceCents, child.packSubscriptionId])).toEqual([
      ['scai-chat.pro', 'active', 0, bought.packSubscription!.id],
      ['scai-docs.pro', 'active', 0, bought.packSubscription!.id],
    ]);
    expect(await packs.subscribePack({ slug: 'productivity-suite', idempotencyKey: 'pack-1' }, adminA)).toEqual({ packSubscription: bought.packSubscription, replayed: true });
    await expect(packs.subscribePack({ slug: 'productivity-suite', idempotencyKey: '' }, adminA)).rejects.toMatchObject({ code: 'conflict' });
    expect(await prisma.packSubscription.count()).toBe(1);
    expect(await typesOf(bought.packSubscription!.id)).toEqual(['scai.billing.pack_subscription.activated']);
    // Each child is a subscription like any other to its consumers (provisioning starts on it).
    expect(await typesOf(children[0].id)).toEqual(['scai.billing.subscription.activated']);
  });

  it('keeps children with their pack: they do not move alone; cancelling the pack ends them all', async () => {
    const [pack] = (await packs.listPackSubscriptions({ status: '' }, adminA)).packSubscriptions;
    await expect(subscriptions.cancelSubscription({ id: pack.children[0].id, asAdmin: false, immediate: false }, adminA)).rejects.toMatchObject({ code: 'conflict', details: { pack_subscription_id: pack.id } });
    await expect(packs.cancelPackSubscription({ id: pack.id }, adminB)).rejects.toMatchObject({ code: 'not_found' });
    expect((await packs.listPackSubscriptions({ status: '' }, adminB)).packSubscriptions).toEqual([]);

    const { packSubscription } = await packs.cancelPackSubscription({ id: pack.id }, adminA);
    expect(packSubscription).toMatchObject({ status: 'cancelled', mrrCents: 0 });
    expect(packSubscription!.children.map((child) => child.status)).toEqual(['cancelled', 'cancelled']);
    expect(await typesOf(pack.id)).toEqual(['scai.billing.pack_subscription.activated', 'scai.billing.pack_subscription.cancelled']);
    await expect(packs.cancelPackSubscription({ id: pack.id }, adminA)).rejects.toMatchObject({ code: 'bad_request' });
    // The services are free again: a single subscription to one of them is allowed now.
    expect((await subscriptions.createSubscription({ planKey: 'scai-chat.free', asAdmin: true, tenantId: 'tnt_a', idempotencyKey: '' }, root)).subscription?.status).toBe('active');
  });
});
