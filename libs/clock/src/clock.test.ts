import { describe, expect, it } from 'vitest';
import { adjustableClock, assertTestClockAllowed, manualClock, systemClock } from './clock.ts';

describe('clocks', () => {
  it('the system clock reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('a manual clock stands still until set or advanced, and hands out copies', () => {
    const clock = manualClock(new Date('2026-12-01T00:00:00Z'));
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-12-01T00:00:00.000Z');
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2026-12-02T00:00:00.000Z');
    clock.set(new Date('2027-01-01T12:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T12:00:00.000Z');
  });

  it('an adjustable clock keeps running from where it was set', () => {
    const clock = adjustableClock();
    clock.set(new Date('2030-01-01T00:00:00Z'));
    const first = clock.now().getTime();
    expect(first - Date.parse('2030-01-01T00:00:00Z')).toBeLessThan(1000);
    clock.advance(7 * 86_400_000);
    expect(clock.now().getTime() - first).toBeGreaterThanOrEqual(7 * 86_400_000);
  });

  it('refuses the test control in production only', () => {
    expect(() => assertTestClockAllowed({ enabled: true, nodeEnv: 'production' })).toThrow(/NODE_ENV=production/);
    expect(() => assertTestClockAllowed({ enabled: true, nodeEnv: 'test' })).not.toThrow();
    expect(() => assertTestClockAllowed({ enabled: false, nodeEnv: 'production' })).not.toThrow();
  });
});
