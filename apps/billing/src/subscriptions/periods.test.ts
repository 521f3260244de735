import { describe, expect, it } from 'vitest';
import { periodDays, periodEnd, usedDays } from './periods.ts';

const at = (iso: string) => new Date(iso);

describe('billing periods', () => {
  it('ends calendar periods on the same day, clamped to the month’s last day', () => {
    expect(periodEnd(at('2026-01-31T10:00:00Z'), 'monthly')?.toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(periodEnd(at('2028-01-31T00:00:00Z'), 'monthly')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(periodEnd(at('2026-11-30T00:00:00Z'), 'quarterly')?.toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(periodEnd(at('2028-02-29T00:00:00Z'), 'yearly')?.toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(periodEnd(at('2026-12-01T00:00:00Z'), 'weekly')?.toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(periodEnd(at('2026-12-31T00:00:00Z'), 'daily')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(periodEnd(at('2026-12-01T00:00:00Z'), 'one_time')).toBeNull();
  });

  it('counts the days of a period and the whole days used (the day in progress is not used yet)', () => {
    const start = at('2026-12-01T00:00:00Z');
    const end = at('2027-01-01T00:00:00Z');
    expect(periodDays(start, end)).toBe(31);
    expect(usedDays(start, end, at('2026-12-11T00:00:00Z'))).toBe(10);
    expect(usedDays(start, end, at('2026-12-11T23:59:59Z'))).toBe(10);
    expect(usedDays(start, end, at('2026-11-30T00:00:00Z'))).toBe(0);
    expect(usedDays(start, end, at('2027-03-01T00:00:00Z'))).toBe(31);
  });
});
