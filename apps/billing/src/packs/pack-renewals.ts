import type { Db } from '../store/prisma.ts';
import type { PackLifecycle } from './pack-lifecycle.ts';
import type { PackSubscriptionStore } from './pack-subscription-store.ts';

export interface PackRenewalDeps {
  db: Db;
  packSubscriptions: PackSubscriptionStore;
  lifecycle: PackLifecycle;
}

/** A run stops after this many packs and leaves the rest to the next run. */
const MAX_PER_RUN = 1000;

const DUE = `status IN ('active', 'past_due') AND billing_period <> 'one_time' AND current_period_end <= $1::timestamptz`;

/**
 * Renews every pack subscription whose period has ended by `now`, one per transaction,
 * each taken with FOR UPDATE SKIP LOCKED (two instances never renew the same pack) and
 * no longer due once renewed (a second run changes nothing).
 */
export async function renewDuePacks(deps: PackRenewalDeps, now: Date): Promise<number> {
  let renewed = 0;
  while (renewed < MAX_PER_RUN) {
    const took = await deps.db.$transaction(async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM pack_subscriptions WHERE ${DUE} ORDER BY current_period_end, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        now,
      );
      if (!row) return false;
      const pack = await deps.packSubscriptions.loaded(tx, row.id);
      await deps.lifecycle.renew(tx, pack, now, { id: 'system:pack-renewal' });
      return true;
    });
    if (!took) break;
    renewed += 1;
  }
  return renewed;
}
