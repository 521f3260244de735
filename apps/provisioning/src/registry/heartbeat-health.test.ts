import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthAt } from './heartbeat-health.ts';
import type { ServiceHealth } from './registered-service.ts';

const heard = new Date('2026-12-07T10:00:00.000Z');
const service = (health: ServiceHealth = 'healthy', interval = 30) => ({
  health,
  heartbeatIntervalSeconds: interval,
  lastHeartbeatAt: heard,
  approvedAt: new Date('2026-12-01T00:00:00.000Z'),
  registeredAt: new Date('2026-12-01T00:00:00.000Z'),
});
const after = (seconds: number) => new Date(heard.getTime() + seconds * 1000);

describe('healthAt', () => {
  it('counts no miss while the service has been silent for at most 3 intervals', () => {
    expect(healthAt(service(), after(90), 60)).toEqual({ missedHeartbeats: 0, health: 'healthy' });
    expect(healthAt(service('degraded'), after(10), 60)).toEqual({ missedHeartbeats: 0, health: 'degraded' });
  });

  it('counts a miss per tick beyond that: degraded at 3, unreachable at 10', () => {
    expect(healthAt(service(), after(91), 60)).toEqual({ missedHeartbeats: 1, health: 'healthy' });
    expect(healthAt(service(), after(90 + 119), 60)).toEqual({ missedHeartbeats: 2, health: 'healthy' });
    expect(healthAt(service(), after(90 + 120), 60)).toEqual({ missedHeartbeats: 3, health: 'degraded' });
    expect(healthAt(service(), after(90 + 9 * 60 + 1), 60)).toEqual({ missedHeartbeats: 10, health: 'unreachable' });
  });

  it('counts from the approval when the service never sent a heartbeat', () => {
    const silent = { ...service('unknown'), lastHeartbeatAt: null, approvedAt: heard };
    expect(healthAt(silent, after(90 + 3 * 60), 60).health).toBe('degraded');
  });

  it('never lowers the misses as time goes on, and reaches each threshold exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 3600 }), fc.integer({ min: 1, max: 600 }), fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 2, maxLength: 30 }), (interval, tick, offsets) => {
        const times = [...offsets].sort((a, b) => a - b);
        const states = times.map((seconds) => healthAt(service('healthy', interval), after(seconds), tick));
        for (let index = 1; index < states.length; index += 1) expect(states[index]!.missedHeartbeats).toBeGreaterThanOrEqual(states[index - 1]!.missedHeartbeats);
        for (const state of states) {
          const expected = state.missedHeartbeats >= 10 ? 'unreachable' : state.missedHeartbeats >= 3 ? 'degraded' : 'healthy';
          expect(state.health).toBe(expected);
        }
      }),
    );
  });
});
