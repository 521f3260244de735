import { notFound, pageWindow, type PageRequest } from '@scai/api';
import { reachWhere, type Reach } from '@scai/permissions';
import type { PackSubscription as PackSubscriptionRow, Prisma } from '../generated/prisma/client.ts';
import type { BillingPeriod } from '../catalog/vocabulary.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { subscriptionOf } from '../subscriptions/subscription-records.ts';
import type { SubscriptionState } from '../subscriptions/subscription-state.ts';
import type { PackSubscription } from './pack-subscription-types.ts';


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

    async insert(tx: Tx, pack: PackSubscription): Promise<void> {
      await tx.packSubscription.create({ data: { id: pack.id, ...rowData(pack) } });
    },

    async update(tx: Tx, pack: PackSubscription): Promise<void> {
      await tx.packSubscription.update({ where: { id: pack.id }, data: rowData(pack) });
    },
  };
}
