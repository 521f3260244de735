import { newId, notFound, pageWindow, type PageRequest } from '@scai/api';
import type { Outbox } from '@scai/events';
import { reachWhere, type Reach } from '@scai/permissions';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db, Tx } from '../store/prisma.ts';
import type { PendingItem } from './plan-change.ts';
import { subscriptionData, subscriptionOf } from './subscription-records.ts';
import { subscriptionEvents } from './subscription-events.ts';
import { LIVE_STATES } from './subscription-state.ts';
import type { Actor, Subscription, SubscriptionEffect } from './subscription-types.ts';

export interface SubscriptionFilter {
  tenantId?: string;
  status?: string;
  serviceSlug?: string;
}

/** One change of a subscription as the store writes it: the row, its audit entries, its items and events. */
export interface SubscriptionChange {
  before: Subscription | null;
  after: Subscription;
  effects: SubscriptionEffect[];
  items?: PendingItem[];
  actor: Actor;
  now: Date;
}

function reachFilter(reach: Reach): Prisma.SubscriptionWhereInput {
  const where = reachWhere(reach);
  // No reach at all: a filter nothing matches.
  return where ?? { id: { in: [] } };
}

function changeKindOf(change: SubscriptionChange): string {
  const changed = change.effects.find((effect) => effect.kind === 'changed');
  if (changed?.kind === 'changed') return changed.changeKind;
  return change.effects[0]?.kind ?? (change.before ? 'status_change' : 'created');
}

function transitionRow(change: SubscriptionChange): Prisma.SubscriptionTransitionCreateManyInput {
  const { before, after, actor, now } = change;
  return {
    id: newId('subscriptionTransition'),
    subscriptionId: after.id,
    fromStatus: before?.status ?? null,
    toStatus: after.status,
    changeKind: changeKindOf(change),
    fromPlanKey: before?.planKey ?? null,
    toPlanKey: after.planKey,
    actor: actor.id,
    reason: actor.reason ?? '',
    at: now,
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

/**
 * Subscriptions in PostgreSQL, always read through the caller's reach (tenant-owned data
 * is filtered in the data layer). Writes take the transaction of the change they belong
 * to, so the row, its audit trail, its billable items and its events commit together.
 */
export function createSubscriptionStore(db: Db, deps: { outbox: Outbox }) {
  async function writeItemsAndEvents(tx: Tx, items: PendingItem[], after: Subscription, effects: SubscriptionEffect[], now: Date) {
    if (items.length) {
      await tx.billableItem.createMany({
        data: items.map((item) => ({ id: newId('billableItem'), tenantId: after.tenantId, partnerId: after.partnerId, subscriptionId: after.id, createdAt: now, ...item })),
      });
    }
    for (const event of subscriptionEvents(after, effects, now)) await deps.outbox.add(tx, event);
  }

  return {
    async list(reach: Reach, filter: SubscriptionFilter, page: PageRequest): Promise<{ items: Subscription[]; total: number }> {
      const where: Prisma.SubscriptionWhereInput = {
        ...reachFilter(reach),
        ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.serviceSlug ? { serviceSlug: filter.serviceSlug } : {}),
      };
      const [rows, total] = await Promise.all([
        db.subscription.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(page) }),
        db.subscription.count({ where }),
      ]);
      return { items: rows.map(subscriptionOf), total };
    },

    /** Live subscriptions of every tenant to one catalog service (packs' children included). */
    countLive: (serviceSlug: string): Promise<number> => db.subscription.count({ where: { serviceSlug, status: { in: [...LIVE_STATES] } } }),

    async get(reach: Reach, id: string, client: Db | Tx = db): Promise<Subscription> {
      const row = await client.subscription.findFirst({ where: { id, ...reachFilter(reach) } });
      if (!row) throw notFound('Subscription');
      return subscriptionOf(row);
    },

    /** The subscription, locked for the rest of the transaction (one change at a time). */
    async lock(tx: Tx, reach: Reach, id: string): Promise<Subscription> {
      await tx.$queryRawUnsafe('SELECT id FROM subscriptions WHERE id = $1 FOR UPDATE', id);
      return this.get(reach, id, tx);
    },

    /**
     * Serialises subscribing per tenant and service for the rest of the transaction, so
     * two concurrent purchases cannot both find "no live subscription".
     */
    async lockTenantService(tx: Tx, tenantId: string, serviceId: string): Promise<void> {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `subscription:${tenantId}:${serviceId}`);
    },

    async liveFor(tx: Tx, tenantId: string, serviceId: string): Promise<Subscription | null> {
      const row = await tx.subscription.findFirst({ where: { tenantId, serviceId, status: { in: [...LIVE_STATES] } } });
      return row ? subscriptionOf(row) : null;
    },

    async hadTrial(tx: Tx, tenantId: string, serviceId: string): Promise<boolean> {
      return (await tx.subscription.count({ where: { tenantId, serviceId, trialEndDate: { not: null } } })) > 0;
    },

    async write(tx: Tx, change: SubscriptionChange): Promise<Subscription> {
      const { before, after, now } = change;
      if (before) await tx.subscription.update({ where: { id: after.id }, data: subscriptionData(after) });
      else await tx.subscription.create({ data: { id: after.id, ...subscriptionData(after) } });
      await tx.subscriptionTransition.create({ data: transitionRow(change) });
      await writeItemsAndEvents(tx, change.items ?? [], after, change.effects, now);
      return after;
    },

    /**
     * A new subscription written straight in the state it was sold into (`after`, moved
     * from the pending `born`): one row, and both moves (created, then born → after) in the
     * audit trail, as if written one by one but in half the round trips.
     */
    async insert(tx: Tx, change: { born: Subscription; after: Subscription; effects: SubscriptionEffect[]; actor: Actor; now: Date }): Promise<Subscription> {
      const { born, after, actor, now } = change;
      await tx.subscription.create({ data: { id: after.id, ...subscriptionData(after) } });
      await tx.subscriptionTransition.createMany({
        data: [
          transitionRow({ before: null, after: born, effects: [], actor, now }),
          transitionRow({ before: born, after, effects: change.effects, actor, now }),
        ],
      });
      await writeItemsAndEvents(tx, [], after, change.effects, now);
      return after;
    },

    /** Events about a subscription that change nothing in it (a trial-ending notice). */
    async publish(tx: Tx, subscription: Subscription, effects: SubscriptionEffect[], now: Date): Promise<void> {
      for (const event of subscriptionEvents(subscription, effects, now)) await deps.outbox.add(tx, event);
    },

    async pendingItems(reach: Reach, subscriptionId: string) {
      await this.get(reach, subscriptionId);
      return db.billableItem.findMany({ where: { subscriptionId, invoiceId: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    },
  };
}
