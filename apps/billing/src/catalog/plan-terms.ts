import type { PlanTerms, PricingTier } from './catalog-types.ts';

const tierKey = (t: PricingTier) => [t.metric, t.tierStart, t.tierEnd, t.unitPriceCents, t.unitLabel, t.unitDivisor].join('|');

function sortedKeys(record: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(record).sort().map((k) => [k, record[k]]));
}

/** Whether two sets of terms sell the same thing; a difference makes a new plan version. */
export function sameTerms(a: PlanTerms, b: PlanTerms): boolean {
  return (
    a.billingPeriod === b.billingPeriod &&
    a.basePriceCents === b.basePriceCents &&
    a.currency === b.currency &&
    a.trialDays === b.trialDays &&
    a.features.unit === b.features.unit &&
    JSON.stringify(a.features.items) === JSON.stringify(b.features.items) &&
    sortedKeys(a.quotas) === sortedKeys(b.quotas) &&
    JSON.stringify(a.pricingTiers.map(tierKey).sort()) === JSON.stringify(b.pricingTiers.map(tierKey).sort())
  );
}
