import { newId, notFound, pageWindow, type PageRequest } from '@scai/api';
import { reachWhere, type Reach } from '@scai/permissions';
import type { PackSubscription as PackSubscriptionRow, Prisma } from '../generated/prisma/client.ts';
import type { BillingPeriod } from '../catalog/vocabulary.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { subscriptionOf } from '../subscriptions/subscription-records.ts';
import type { SubscriptionState } from '../subscriptions/subscription-state.ts';
import type { Actor } from '../subscriptions/subscription-types.ts';
import type { PackSubscription } from './pack-subscription-types.ts';

/** One change of a pack subscription as the store writes it: the row and its audit entry. */
export interface PackSubscriptionChange {
  before: PackSubscription | null;
  after: PackSubscription;
  changeKind: string;
  actor: Actor;
  now: Date;
}

function reachFilter(reach: Reach): Prisma.PackSubscriptionWhereInput {
  return reachWhere(reach) ?? { id: { in: [] } };
}

async function packOf(client: Db | Tx, row: PackSubscriptionRow): Promise<PackSubscription> {
  const children = await client.subscription.findMany({ where: { packSubscriptionId: row.id }, orderBy: [{ serviceSlug: 'asc' }, { id: 'asc' }] });
  return { ...row, status: row.status as SubscriptionState, billingPeriod: row.billingPeriod as BillingPeriod, children: children.map(subscriptionOf) };
}

function rowData(pack: PackSubscription): Omit<PackSubscriptionRow, 'id'> {
  const { id: _id, children: _children, ...rest } = pack;
  return rest;
}

export type PackSubscriptionStore = ReturnType<typeof createPackSubscriptionStore>;

/** Pack subscriptions, read through the caller's reach, written in the transaction of their change. */
export function createPackSubscriptionStore(db: Db) {
  return {

    async list(reach: Reach, status: string | undefined, page: PageRequest): Promise<{ items: PackSubscription[]; total: number }> {
      const where: Prisma.PackSubscriptionWhereInput = { ...reachFilter(reach), ...(status ? { status } : {}) };
      const [rows, total] = await Promise.all([
        db.packSubscription.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(page) }),
        db.packSubscription.count({ where }),
      ]);
      return { items: await Promise.all(rows.map((row) => packOf(db, row))), total };
    },

    async get(reach: Reach, id: string): Promise<PackSubscription> {
      const row = await db.packSubscription.findFirst({ where: { id, ...reachFilter(reach) } });
      if (!row) throw notFound('Pack subscription');
      return packOf(db, row);
    },

    /** The pack subscription, locked for the rest of the transaction. */
    async lock(tx: Tx, reach: Reach, id: string): Promise<PackSubscription> {
      await tx.$queryRawUnsafe('SELECT id FROM pack_subscriptions WHERE id = $1 FOR UPDATE', id);
      const row = await tx.packSubscription.findFirst({ where: { id, ...reachFilter(reach) } });
      if (!row) throw notFound('Pack subscription');
      return packOf(tx, row);
    },

    /** A pack subscription the caller already holds a lock on (jobs, consumers): no reach, no lock taken. */
    async loaded(tx: Tx, id: string): Promise<PackSubscription> {
      return packOf(tx, await tx.packSubscription.findUniqueOrThrow({ where: { id } }));
    },

    /** A tenant's pack subscriptions in `statuses`, each locked (the tenant-status consumer's view). */
    async lockForTenant(tx: Tx, tenantId: string, statuses: readonly SubscriptionState[]): Promise<PackSubscription[]> {
      const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
        'SELECT id FROM pack_subscriptions WHERE tenant_id = $1 AND status = ANY($2::text[]) ORDER BY id FOR UPDATE',
        tenantId,
        [...statuses],
      );
      const packs: PackSubscription[] = [];
      for (const { id } of rows) packs.push(await this.loaded(tx, id));
      return packs;
    },

    /** Writes the row and its audit entry in the change's transaction. */
    async write(tx: Tx, change: PackSubscriptionChange): Promise<PackSubscription> {
      const { before, after, actor, now } = change;
      if (before) await tx.packSubscription.update({ where: { id: after.id }, data: rowData(after) });
      else await tx.packSubscription.create({ data: { id: after.id, ...rowData(after) } });
      await tx.packSubscriptionTransition.create({
        data: {
          id: newId('packSubscriptionTransition'),
          packSubscriptionId: after.id,
          fromStatus: before?.status ?? null,
          toStatus: after.status,
          changeKind: change.changeKind,
          actor: actor.id,
          reason: actor.reason ?? '',
          at: now,
        },
      });
      return after;
    },
  };
}
