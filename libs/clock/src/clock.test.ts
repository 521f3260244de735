import { describe, expect, it } from 'vitest';
import { manualClock, systemClock } from './clock.ts';

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
});
