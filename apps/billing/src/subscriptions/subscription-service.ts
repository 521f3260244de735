import { AppError, badRequest, conflict, forbidden, validationFailed } from '@scai/api';
import type { Clock } from '@scai/clock';
import { assertReachesTenant, type Caller } from '@scai/permissions';
import type { CatalogStore } from '../catalog/catalog-store.ts';
import type { Plan } from '../catalog/catalog-types.ts';
import { requireCommerceProfile } from '../profiles/commerce-readiness.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { TenantDirectory } from '../profiles/tenant-directory.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { startSubscription } from './new-subscription.ts';
import { changePlan, type PendingItem } from './plan-change.ts';
import { subscriptionReach } from './subscription-access.ts';
import { SUBSCRIPTION_STATES, type SubscriptionState } from './subscription-state.ts';
import type { SubscriptionStore } from './subscription-store.ts';
import type { Actor, Subscription, SubscriptionEffect } from './subscription-types.ts';
import { moveSubscription, resumeTarget } from './transition.ts';

export interface SubscriptionDeps {
  db: Db;
  store: SubscriptionStore;
  catalog: CatalogStore;
  profiles: ProfileStore;
  tenants: TenantDirectory;
  clock: Clock;
  eventsWritten: () => void;
}

export const BULK_ACTIONS = ['cancel', 'cancel_immediate', 'suspend', 'resume'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const MAX_BULK_IDS = 100;

interface Outcome {
  next: Subscription;
  effects: SubscriptionEffect[];
  items?: PendingItem[];
}

const actorOf = (caller: Caller, reason?: string): Actor => ({ id: caller.subject, reason });

/** A plan a subscription may be sold or moved to: tenants see the shop window only, admins also hidden plans. */
async function planForSale(catalog: CatalogStore, planKey: string, asAdmin: boolean, client?: Tx): Promise<Plan> {
  const plan = await catalog.getPlan(planKey, asAdmin, client);
  if (!plan.isActive) throw conflict(`${plan.planKey} is not on sale`);
  return plan;
}

/**
 * What tenants and admins do with subscriptions: each change reads the subscription
 * under a row lock in the caller's reach, applies one pure move (transition.ts,
 * plan-change.ts) and writes it with its audit row, billable items and events in the
 * same transaction.
 */
export function createSubscriptionService(deps: SubscriptionDeps) {
  const { db, store, clock } = deps;

  async function mutate(caller: Caller | null, asAdmin: boolean, id: string, change: (subscription: Subscription, now: Date, tx: Tx) => Outcome | Promise<Outcome>, reason?: string): Promise<Subscription> {
    const reach = subscriptionReach(caller, asAdmin, 'write');
    const now = clock.now();
    const saved = await db.$transaction(async (tx) => {
      const before = await store.lock(tx, reach, id);
      // A pack's children follow the pack: they move when it does (packs/pack-purchase.ts).
      if (before.packSubscriptionId) {
        throw conflict(`This subscription is part of pack subscription ${before.packSubscriptionId}; act on the pack`, { pack_subscription_id: before.packSubscriptionId });
      }
      const outcome = await change(before, now, tx);
      return store.write(tx, { before, after: outcome.next, effects: outcome.effects, items: outcome.items, actor: actorOf(caller as Caller, reason), now });
    });
    deps.eventsWritten();
    return saved;
  }

  function cancelMove(subscription: Subscription, now: Date, immediate: boolean): Outcome {
    if (!immediate && subscription.status === 'active' && subscription.currentPeriodEnd) return moveSubscription(subscription, 'cancelling', now);
    if (!immediate && subscription.status === 'cancelling') return moveSubscription(subscription, 'cancelling', now);
    return moveSubscription(subscription, 'cancelled', now);
  }

  return {
    list: store.list,
    get: (caller: Caller | null, asAdmin: boolean, id: string) => store.get(subscriptionReach(caller, asAdmin, 'read'), id),
    reachFor: subscriptionReach,

    /**
     * Subscribes a tenant: the tenant in reach (asked of partners before any transaction,
     * so no connection waits on it), then, in the returned work for the caller's
     * transaction (which may also hold an idempotency key), the tenant active, the plan on
     * sale, a complete billing profile and no other live subscription to the service.
     */
    async create(caller: Caller | null, input: { planKey: string; asAdmin: boolean; tenantId: string }): Promise<(tx: Tx) => Promise<Subscription>> {
      const reach = subscriptionReach(caller, input.asAdmin, 'write');
      const tenantId = input.asAdmin ? input.tenantId : (caller as Caller).tenantId;
      if (!tenantId && !input.asAdmin) throw forbidden('Subscribing acts on your own tenant; administrators use POST /admin/subscriptions');
      if (!tenantId) throw validationFailed([{ loc: ['body', 'tenant_id'], msg: 'field required', type: 'missing' }]);
      const tenant = await deps.tenants.tenant(tenantId);
      assertReachesTenant(reach, tenant);
      return async (tx: Tx) => {
        if (!tenant.active) throw conflict('The tenant is suspended; it cannot subscribe');
        const plan = await planForSale(deps.catalog, input.planKey, input.asAdmin, tx);
        requireCommerceProfile(await deps.profiles.get(tenant.id, tx));
        await store.lockTenantService(tx, tenant.id, plan.serviceId);
        const live = await store.liveFor(tx, tenant.id, plan.serviceId);
        if (live) {
          throw conflict(`The tenant already has a ${live.status} subscription to ${plan.serviceSlug}; change its plan instead`, { subscription_id: live.id });
        }
        const now = clock.now();
        const started = startSubscription({ tenant, plan, now, trialAllowed: !(await store.hadTrial(tx, tenant.id, plan.serviceId)) });
        const actor = actorOf(caller as Caller);
        return store.insert(tx, { born: started.created, after: started.next, effects: started.effects, actor, now });
      };
    },

    cancel: (caller: Caller | null, asAdmin: boolean, id: string, immediate: boolean) =>
      mutate(caller, asAdmin, id, (subscription, now) => cancelMove(subscription, now, asAdmin && immediate)),

    /** cancelling → active (undo-cancel); admins also resume a suspended subscription. */
    resume: (caller: Caller | null, asAdmin: boolean, id: string) =>
      mutate(caller, asAdmin, id, (subscription, now) => {
        const resumable: SubscriptionState[] = asAdmin ? ['cancelling', 'suspended'] : ['cancelling'];
        if (!resumable.includes(subscription.status)) {
          throw badRequest(`Only a ${resumable.join(' or ')} subscription resumes (this one is ${subscription.status})`, { from: subscription.status, to: 'active' });
        }
        return moveSubscription(subscription, subscription.status === 'suspended' ? resumeTarget(subscription, now) : 'active', now);
      }),

    suspend: (caller: Caller | null, id: string) => mutate(caller, true, id, (subscription, now) => moveSubscription(subscription, 'suspended', now, { suspendReason: 'admin' })),

    changePlan: (caller: Caller | null, asAdmin: boolean, id: string, planKey: string) =>
      mutate(caller, asAdmin, id, async (subscription, now, tx) => changePlan(subscription, await planForSale(deps.catalog, planKey, asAdmin, tx), now)),

    /** An admin's correction: another plan (prorated as a change) and/or a status move, in one transaction. */
    override: (caller: Caller | null, id: string, planKey: string, status: string) =>
      mutate(
        caller,
        true,
        id,
        async (subscription, now, tx) => {
          if (!planKey && !status) throw badRequest('Give plan_key, status or both');
          if (status && !(SUBSCRIPTION_STATES as readonly string[]).includes(status)) {
            throw validationFailed([{ loc: ['body', 'status'], msg: `must be one of ${SUBSCRIPTION_STATES.join(', ')}`, type: 'enum' }]);
          }
          let outcome: Outcome = { next: subscription, effects: [] };
          if (planKey) outcome = changePlan(subscription, await planForSale(deps.catalog, planKey, true, tx), now);
          if (status && status !== outcome.next.status) {
            const moved = moveSubscription(outcome.next, status as SubscriptionState, now, { suspendReason: 'admin' });
            outcome = { next: moved.next, effects: [...outcome.effects, ...moved.effects], items: outcome.items };
          }
          return outcome;
        },
        'override',
      ),

    /** One action per id, each in its own transaction; a failure names its code and message and stops nothing else. */
    async bulk(caller: Caller | null, action: BulkAction, ids: string[]) {
      subscriptionReach(caller, true, 'write');
      const unique = [...new Set(ids)];
      if (unique.length > MAX_BULK_IDS) throw badRequest(`At most ${MAX_BULK_IDS} ids per bulk action`);
      const succeeded: string[] = [];
      const failed: { id: string; code: string; message: string }[] = [];
      for (const id of unique) {
        try {
          if (action === 'cancel') await this.cancel(caller, true, id, false);
          else if (action === 'cancel_immediate') await this.cancel(caller, true, id, true);
          else if (action === 'suspend') await this.suspend(caller, id);
          else await this.resume(caller, true, id);
          succeeded.push(id);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          failed.push({ id, code: error.code, message: error.message });
        }
      }
      return { succeeded, failed };
    },
  };
}

export type SubscriptionService = ReturnType<typeof createSubscriptionService>;
