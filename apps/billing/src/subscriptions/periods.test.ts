import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryAfter, nextPeriod, periodDays, periodEnd, usedDays } from './periods.ts';

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

  it('counts renewals from the anchor, so a period anchored on the 31st keeps ending on the month’s last day', () => {
    const anchor = at('2027-01-31T09:00:00Z');
    const ends: string[] = [];
    let period = { start: anchor, end: periodEnd(anchor, 'monthly') as Date };
    for (let month = 0; month < 4; month += 1) {
      ends.push(period.end.toISOString().slice(0, 10));
      period = nextPeriod(period, 'monthly', period.end, anchor);
    }
    expect(ends).toEqual(['2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31']);
    // After downtime every missed period rolls in one go, on the same boundaries.
    const caughtUp = nextPeriod({ start: anchor, end: at('2027-02-28T09:00:00Z') }, 'monthly', at('2027-05-15T00:00:00Z'), anchor);
    expect([caughtUp.start.toISOString(), caughtUp.end.toISOString()]).toEqual(['2027-04-30T09:00:00.000Z', '2027-05-31T09:00:00.000Z']);
    expect(boundaryAfter(at('2027-01-01T00:00:00Z'), at('2027-01-20T00:00:00Z'), 'weekly')?.toISOString()).toBe('2027-01-22T00:00:00.000Z');
    expect(boundaryAfter(anchor, anchor, 'one_time')).toBeNull();
  });

  it('property: anchored boundaries rise strictly, each on the anchor’s day or the month’s last day', () => {
    const periods = ['monthly', 'quarterly', 'yearly'] as const;
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(...periods), fc.integer({ min: 1, max: 40 }), (anchor, period, renewals) => {
        let start = anchor;
        for (let index = 0; index < renewals; index += 1) {
          const end = boundaryAfter(anchor, start, period) as Date;
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
          expect(end.getUTCDate()).toBe(Math.min(anchor.getUTCDate(), lastDay));
          expect(end.getUTCHours()).toBe(anchor.getUTCHours());
          start = end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
