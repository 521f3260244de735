import type { Outbox } from '@scai/events';
import type { Db } from '../store/prisma.ts';
import { healthAt } from './heartbeat-health.ts';
import { registeredServiceOf } from './registered-service.ts';
import { healthChangedEvent } from './registry-events.ts';

export interface MonitorDeps {
  db: Db;
  outbox: Outbox;
  /** The monitor's tick: one miss per tick of silence beyond the threshold (60 s in domain.md). */
  tickSeconds: number;
  eventsWritten: () => void;
}

/**
 * One monitor pass over the active services at `now`: misses recounted, health moved,
 * each change published once. Rows another instance is sweeping are skipped (SKIP LOCKED),
 * so two monitors never publish the same change twice.
 */
export async function sweepHeartbeats(deps: MonitorDeps, now: Date): Promise<Record<string, number>> {
  const changed = await deps.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM registered_services WHERE status = 'active' FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return 0;
    const rows = await tx.registeredService.findMany({ where: { id: { in: locked.map((row) => row.id) } } });
    let moves = 0;
    for (const row of rows) {
      const current = registeredServiceOf(row);
      const next = healthAt(current, now, deps.tickSeconds);
      if (next.missedHeartbeats === current.missedHeartbeats && next.health === current.health) continue;
      const updated = registeredServiceOf(await tx.registeredService.update({ where: { id: current.id }, data: { ...next, updatedAt: now } }));
      if (next.health !== current.health) {
        await deps.outbox.add(tx, healthChangedEvent(updated, current.health, 'monitor'));
        moves += 1;
      }
    }
    return moves;
  });
  if (changed > 0) deps.eventsWritten();
  return { heartbeat_monitor: changed };
}
