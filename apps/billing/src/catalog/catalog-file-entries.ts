import type { PackDefinition, PlanListing, PlanTerms, PricingTier, ServiceListing } from './catalog-types.ts';
import type { PackEntry, PlanEntry, ServiceEntry } from './catalog-file-schema.ts';

/** The file's snake_case entries as the catalog's domain values, with their defaults. */
export function tiersOfEntry(plan: PlanEntry): PricingTier[] {
  return (plan.pricing_tiers ?? []).map((t) => ({
    metric: t.metric,
    tierStart: t.tier_start,
    tierEnd: t.tier_end ?? null,
    unitPriceCents: t.unit_price_cents,
    unitLabel: t.unit_label,
    unitDivisor: t.unit_divisor,
  }));
}

export function serviceListingOf(entry: ServiceEntry): ServiceListing {
  return {
    name: entry.name,
    description: entry.description ?? '',
    iconUrl: entry.icon_url ?? '',
    baseUrl: entry.base_url ?? '',
    isActive: entry.is_active ?? true,
    isPublic: entry.is_public ?? true,
    sortOrder: entry.sort_order ?? 0,
    metadata: entry.metadata ?? {},
  };
}

export function planListingOf(entry: PlanEntry): PlanListing {
  return {
    name: entry.name,
    description: entry.description ?? '',
    tier: entry.tier,
    isActive: entry.is_active ?? true,
    isPublic: entry.is_public ?? true,
    sortOrder: entry.sort_order ?? 0,
    metadata: entry.metadata ?? {},
  };
}

export function planTermsOf(entry: PlanEntry): PlanTerms {
  return {
    billingPeriod: entry.billing_period,
    basePriceCents: entry.base_price_cents,
    currency: entry.currency,
    features: { items: entry.features?.items ?? [], unit: entry.features?.unit ?? '' },
    quotas: entry.quotas ?? {},
    trialDays: entry.trial_days ?? 0,
    pricingTiers: tiersOfEntry(entry),
  };
}

export function packDefinitionOf(entry: PackEntry): PackDefinition {
  return {
    name: entry.name,
    description: entry.description ?? '',
    discountType: entry.discount_type,
    basePriceCents: entry.base_price_cents ?? 0,
    discountPercent: entry.discount_percent ?? '0',
    currency: entry.currency,
    billingPeriod: entry.billing_period,
    isActive: entry.is_active ?? true,
    isPublic: entry.is_public ?? true,
    sortOrder: entry.sort_order ?? 0,
    metadata: entry.metadata ?? {},
    items: entry.items.map((item) => ({ planKey: item.plan_key, overridePriceCents: item.override_price_cents ?? null })),
  };
}
