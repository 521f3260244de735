import type { BillingPeriod } from '../catalog/vocabulary.ts';

const DAY_MS = 86_400_000;

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

/** Calendar months in UTC; the 31st of January plus a month is the last day of February. */
function addMonths(at: Date, months: number): Date {
  const target = new Date(at.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** Where a period that starts at `start` ends; a one-time purchase has no end. */
export function periodEnd(start: Date, period: BillingPeriod): Date | null {
  switch (period) {
    case 'daily':
      return addDays(start, 1);
    case 'weekly':
      return addDays(start, 7);
    case 'monthly':
      return addMonths(start, 1);
    case 'quarterly':
      return addMonths(start, 3);
    case 'yearly':
      return addMonths(start, 12);
    case 'one_time':
      return null;
  }
}

/** The days a period lasts (a calendar month is 28 to 31; a DST-free UTC day is exact). */
export function periodDays(start: Date, end: Date): number {
  return Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY_MS));
}

/** Whole days of a period used by `now`; the day in progress is not used yet (proration credits it). */
export function usedDays(start: Date, end: Date, now: Date): number {
  const elapsed = Math.floor((now.getTime() - start.getTime()) / DAY_MS);
  return Math.min(periodDays(start, end), Math.max(0, elapsed));
}

export interface Period {
  start: Date;
  end: Date;
}

const MONTHS: Partial<Record<BillingPeriod, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * The first period boundary after `start` counted from `anchor`: calendar periods are
 * whole months added to the anchor (anchored on the 31st, a period ends on the 28th or 29th
 * in February and on the 31st again in March, never drifting to the 28th), day periods
 * are exact. A one-time period has no boundary.
 */
export function boundaryAfter(anchor: Date, start: Date, billingPeriod: BillingPeriod): Date | null {
  const months = MONTHS[billingPeriod];
  if (months === undefined) {
    const step = periodEnd(anchor, billingPeriod);
    if (!step) return null;
    const length = step.getTime() - anchor.getTime();
    const periods = Math.floor((start.getTime() - anchor.getTime()) / length) + 1;
    return new Date(anchor.getTime() + Math.max(1, periods) * length);
  }
  const elapsed = (start.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + (start.getUTCMonth() - anchor.getUTCMonth());
  let count = Math.max(1, Math.floor(elapsed / months));
  let boundary = addMonths(anchor, count * months);
  while (boundary <= start) boundary = addMonths(anchor, ++count * months);
  return boundary;
}

/**
 * The period a renewal reaches: the one after `current`, rolled on as many times as it
 * takes to contain `now` (a renewal after downtime catches up every missed period), its
 * boundaries counted from `anchor`. A one-time period never rolls.
 */
export function nextPeriod(current: Period, billingPeriod: BillingPeriod, now: Date, anchor: Date): Period {
  let { start, end } = current;
  while (end <= now) {
    const following = boundaryAfter(anchor, end, billingPeriod);
    if (!following) break;
    start = end;
    end = following;
  }
  return { start, end };
}
