import type { Logger } from '@scai/telemetry';
import { renewDuePacks, type PackRenewalDeps } from '../../packs/pack-renewals.ts';
import type { Db } from '../../store/prisma.ts';
import { subscriptionOf } from '../subscription-records.ts';
import type { SubscriptionStore } from '../subscription-store.ts';
import { SWEEPS, type Sweep, type SweepSettings } from './sweeps.ts';

export interface DueDeps {
  db: Db;
  store: SubscriptionStore;
  settings: SweepSettings;
  eventsWritten: () => void;
  logger: Logger;
  packs: Omit<PackRenewalDeps, 'db'>;
}

/** A run stops after this many rows per sweep and leaves the rest to the next run. */
const MAX_PER_SWEEP = 1000;

/** Takes one due row of a sweep under FOR UPDATE SKIP LOCKED and applies it; false when none is due. */
async function takeOne(deps: DueDeps, sweep: Sweep, now: Date): Promise<boolean> {
  return deps.db.$transaction(async (tx) => {
    const values: unknown[] = [now];
    if (sweep.parameter) values.push(sweep.parameter(deps.settings));
    const [row] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM subscriptions WHERE ${sweep.due} ORDER BY ${sweep.order}, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      ...values,
    );
    if (!row) return false;
    const found = await tx.subscription.findUniqueOrThrow({ where: { id: row.id } });
    const before = subscriptionOf(found);
    const result = sweep.apply(before, now, deps.settings);
    const actor = { id: `system:${sweep.name}` };
    if (result.kind === 'change') {
      await deps.store.write(tx, { before, after: result.next, effects: result.effects, actor, now });
    } else {
      await tx.subscriptionNotice.create({ data: { subscriptionId: before.id, notice: result.notice, sentAt: now } });
      await deps.store.publish(tx, before, result.effects, now);
    }
    return true;
  });
}

/**
 * Every sweep once, over everything due at `now`. Safe to run from several instances at
 * the same time (each row is taken by one), and idempotent: what was applied is no
 * longer due.
 */
export async function runDueJobs(deps: DueDeps, now: Date): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const sweep of SWEEPS) {
    let count = 0;
    while (count < MAX_PER_SWEEP && (await takeOne(deps, sweep, now))) count += 1;
    done[sweep.name] = count;
  }
  done['pack-renewal'] = await renewDuePacks({ db: deps.db, ...deps.packs }, now);
  if (Object.values(done).some((count) => count > 0)) {
    deps.eventsWritten();
    deps.logger.info({ done }, 'subscription jobs applied');
  }
  return done;
}
