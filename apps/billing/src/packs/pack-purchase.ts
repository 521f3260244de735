import { conflict, forbidden, newId } from '@scai/api';
import type { Clock } from '@scai/clock';
import type { Outbox } from '@scai/events';
import { assertReachesTenant, type Caller } from '@scai/permissions';
import type { CatalogStore } from '../catalog/catalog-store.ts';
import type { PackStore } from '../catalog/pack-store.ts';
import { packPrice } from '../catalog/pack-price.ts';
import { requireCommerceProfile } from '../profiles/commerce-readiness.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { TenantDirectory, TenantFacts } from '../profiles/tenant-directory.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { startSubscription } from '../subscriptions/new-subscription.ts';
import { periodEnd } from '../subscriptions/periods.ts';
import { subscriptionReach } from '../subscriptions/subscription-access.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { PackLifecycle } from './pack-lifecycle.ts';
import { packActivatedEvent } from './pack-subscription-events.ts';
import type { PackSubscriptionStore } from './pack-subscription-store.ts';
import type { PackSubscription } from './pack-subscription-types.ts';

export interface PackPurchaseDeps {
  db: Db;
  packs: PackStore;
  catalog: CatalogStore;
  profiles: ProfileStore;
  tenants: TenantDirectory;
  subscriptions: SubscriptionStore;
  packSubscriptions: PackSubscriptionStore;
  lifecycle: PackLifecycle;
  outbox: Outbox;
  clock: Clock;
  eventsWritten: () => void;
}

/**
 * Buying and cancelling service packs. A purchase is one pack subscription at the pack's
 * price plus one child subscription per item (its own price 0: the pack is the line),
 * all in one transaction; a cancellation ends the pack and every child at once. The
 * events are the pack's (`pack_subscription.*`), listing its children.
 */
export function createPackPurchases(deps: PackPurchaseDeps) {
  const { db, clock } = deps;

  /** The purchase itself, in the caller's transaction: pack, children, audit and events together. */
  async function purchase(tx: Tx, caller: Caller, tenant: TenantFacts, slug: string): Promise<PackSubscription> {
    if (!tenant.active) throw conflict('The tenant is suspended; it cannot subscribe');
    const pack = await deps.packs.get(slug, false, tx);
    if (!pack.isActive) throw conflict(`${pack.slug} is not on sale`);
    requireCommerceProfile(await deps.profiles.get(tenant.id, tx));

    const now = clock.now();
    const packSubscription: PackSubscription = {
      id: newId('packSubscription'),
      tenantId: tenant.id,
      partnerId: tenant.partnerId,
      packId: pack.id,
      packSlug: pack.slug,
      status: 'active',
      priceCents: packPrice(pack).amountMinor,
      currency: pack.currency,
      billingPeriod: pack.billingPeriod,
      currentPeriodStart: now,
      currentPeriodEnd: periodEnd(now, pack.billingPeriod),
      billingAnchor: now,
      cancelledAt: null,
      suspendedReason: null,
      createdAt: now,
      updatedAt: now,
      children: [],
    };
    const actor = { id: caller.subject, reason: `pack ${pack.slug}` };
    await deps.packSubscriptions.write(tx, { before: null, after: packSubscription, changeKind: 'created', actor, now });
    // Services in a stable order, so two purchases lock them in the same order (no deadlock).
    const items = [...pack.items].sort((a, b) => a.serviceSlug.localeCompare(b.serviceSlug));
    for (const item of items) {
      const plan = await deps.catalog.getPlan(item.planId, true, tx);
      await deps.subscriptions.lockTenantService(tx, tenant.id, plan.serviceId);
      const live = await deps.subscriptions.liveFor(tx, tenant.id, plan.serviceId);
      if (live) throw conflict(`The tenant already has a ${live.status} subscription to ${plan.serviceSlug}; the pack cannot include it`, { subscription_id: live.id });
      const started = startSubscription({ tenant, plan, now, trialAllowed: false, packSubscriptionId: packSubscription.id });
      // Priced by the pack and on the pack's periods.
      const asChild = { unitPriceCents: 0, currentPeriodStart: packSubscription.currentPeriodStart, currentPeriodEnd: packSubscription.currentPeriodEnd, billingAnchor: packSubscription.billingAnchor };
      const child = await deps.subscriptions.insert(tx, { born: { ...started.created, ...asChild }, after: { ...started.next, ...asChild }, effects: started.effects, actor, now });
      packSubscription.children.push(child);
    }
    await deps.outbox.add(tx, packActivatedEvent(packSubscription, now));
    return packSubscription;
  }

  return {
    list: (caller: Caller | null, status: string | undefined, page: { page: number; pageSize: number }) =>
      deps.packSubscriptions.list(subscriptionReach(caller, false, 'read'), status, page),

    get: (caller: Caller | null, id: string) => deps.packSubscriptions.get(subscriptionReach(caller, false, 'read'), id),

    /**
     * Buys the pack for the caller's tenant: the tenant in reach (asked of partners before
     * any transaction), then the returned work for the caller's transaction.
     */
    async subscribe(caller: Caller | null, slug: string): Promise<(tx: Tx) => Promise<PackSubscription>> {
      const reach = subscriptionReach(caller, false, 'write');
      const tenantId = (caller as Caller).tenantId;
      if (!tenantId) throw forbidden('Buying a pack acts on your own tenant');
      const tenant = await deps.tenants.tenant(tenantId);
      assertReachesTenant(reach, tenant);
      return (tx: Tx) => purchase(tx, caller as Caller, tenant, slug);
    },
    async cancel(caller: Caller | null, id: string): Promise<PackSubscription> {
      const reach = subscriptionReach(caller, false, 'write');
      const now = clock.now();
      const cancelled = await db.$transaction(async (tx) => {
        const pack = await deps.packSubscriptions.lock(tx, reach, id);
        return deps.lifecycle.move(tx, pack, 'cancelled', now, { id: (caller as Caller).subject, reason: `pack ${pack.packSlug} cancelled` });
      });
      deps.eventsWritten();
      return cancelled;
    },
  };
}

export type PackPurchases = ReturnType<typeof createPackPurchases>;
