import type { RegisteredService, ServiceHealth } from './registered-service.ts';

/** domain.md: silent for more than 3 × its interval → a miss per monitor tick; 3 misses → degraded, 10 → unreachable. */
export const SILENCE_INTERVALS = 3;
export const DEGRADED_AFTER_MISSES = 3;
export const UNREACHABLE_AFTER_MISSES = 10;

/**
 * Misses and health of a service at `now`, counted from the time it was last heard from
 * (its approval when it never sent a heartbeat) rather than from how many times the
 * monitor happened to run: a monitor that was down, or a clock moved by hours, gives the
 * same answer as one that never missed a tick.
 */
export function healthAt(
  service: Pick<RegisteredService, 'health' | 'heartbeatIntervalSeconds' | 'lastHeartbeatAt' | 'approvedAt' | 'registeredAt'>,
  now: Date,
  tickSeconds: number,
): { missedHeartbeats: number; health: ServiceHealth } {
  const lastSeen = service.lastHeartbeatAt ?? service.approvedAt ?? service.registeredAt;
  const silentMs = now.getTime() - lastSeen.getTime() - SILENCE_INTERVALS * service.heartbeatIntervalSeconds * 1000;
  if (silentMs <= 0) return { missedHeartbeats: 0, health: service.health };
  const missedHeartbeats = Math.floor(silentMs / (tickSeconds * 1000)) + 1;
  if (missedHeartbeats >= UNREACHABLE_AFTER_MISSES) return { missedHeartbeats, health: 'unreachable' };
  if (missedHeartbeats >= DEGRADED_AFTER_MISSES) return { missedHeartbeats, health: 'degraded' };
  return { missedHeartbeats, health: service.health };
}
