import { describe, expect, it } from 'vitest';
import type { PlanTerms } from './catalog-types.ts';
import { sameTerms } from './plan-terms.ts';

const terms: PlanTerms = {
  billingPeriod: 'monthly',
  basePriceCents: 2900,
  currency: 'EUR',
  features: { items: ['a', 'b'], unit: 'seat' },
  quotas: { tokens: 1000, calls: 0 },
  trialDays: 14,
  pricingTiers: [
    { metric: 'tokens', tierStart: 0, tierEnd: 1000, unitPriceCents: 0, unitLabel: 'tokens', unitDivisor: 1000 },
    { metric: 'tokens', tierStart: 1000, tierEnd: null, unitPriceCents: 25, unitLabel: 'tokens', unitDivisor: 1000 },
  ],
};

describe('sameTerms', () => {
  it('ignores the order of quotas and tiers', () => {
    expect(sameTerms(terms, { ...terms, quotas: { calls: 0, tokens: 1000 }, pricingTiers: [...terms.pricingTiers].reverse() })).toBe(true);
  });

  it.each([
    ['price', { basePriceCents: 3000 }],
    ['currency', { currency: 'USD' }],
    ['period', { billingPeriod: 'yearly' as const }],
    ['trial', { trialDays: 0 }],
    ['features', { features: { items: ['a'], unit: 'seat' } }],
    ['quotas', { quotas: { tokens: 2000, calls: 0 } }],
    ['tiers', { pricingTiers: terms.pricingTiers.slice(0, 1) }],
  ])('sees a change of %s', (_name, change) => {
    expect(sameTerms(terms, { ...terms, ...change })).toBe(false);
  });
});
