import { badRequest } from '@scai/api';
import { monthlyRecurringMinor } from '@scai/money';
import type { billing } from '@scai/proto';
import type { CatalogService, PackDefinition, Plan, PlanListing, PlanTerms, PricingTier, ServiceListing, ServicePack } from '../catalog/catalog-types.ts';
import { packListPrice, packPrice } from '../catalog/pack-price.ts';
import type { BillingPeriod, DiscountType, PlanTier } from '../catalog/vocabulary.ts';

/** JSON object text on the wire; anything else is a bad request. */
export function metadataFromJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw badRequest('metadata must be a JSON object');
}

export const tierToProto = (t: PricingTier): billing.v1.UsagePricingTier => ({ ...t, tierEnd: t.tierEnd ?? undefined });
export const tierFromProto = (t: billing.v1.UsagePricingTier): PricingTier => ({ ...t, tierEnd: t.tierEnd ?? null });

export function planToProto(plan: Plan): billing.v1.Plan {
  return {
    id: plan.id,
    serviceId: plan.serviceId,
    serviceSlug: plan.serviceSlug,
    slug: plan.slug,
    planKey: plan.planKey,
    name: plan.name,
    description: plan.description,
    tier: plan.tier,
    billingPeriod: plan.billingPeriod,
    basePriceCents: plan.basePriceCents,
    currency: plan.currency,
    featureItems: plan.features.items,
    featureUnit: plan.features.unit,
    quotas: Object.entries(plan.quotas).map(([metric, limit]) => ({ metric, limit })),
    trialDays: plan.trialDays,
    isActive: plan.isActive,
    isPublic: plan.isPublic,
    sortOrder: plan.sortOrder,
    metadataJson: JSON.stringify(plan.metadata),
    pricingTiers: plan.pricingTiers.map(tierToProto),
    version: plan.version,
    versionId: plan.versionId,
    mrrCents: monthlyRecurringMinor(plan.basePriceCents, plan.billingPeriod),
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function serviceToProto(service: CatalogService): billing.v1.CatalogEntry {
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    description: service.description,
    iconUrl: service.iconUrl,
    baseUrl: service.baseUrl,
    isActive: service.isActive,
    isPublic: service.isPublic,
    sortOrder: service.sortOrder,
    metadataJson: JSON.stringify(service.metadata),
    plans: service.plans.map(planToProto),
    packSlugs: service.packSlugs,
    createdAt: service.createdAt.toISOString(),
    updatedAt: service.updatedAt.toISOString(),
  };
}

export function packToProto(pack: ServicePack): billing.v1.ServicePack {
  const price = packPrice(pack);
  const list = packListPrice(pack);
  return {
    id: pack.id,
    slug: pack.slug,
    name: pack.name,
    description: pack.description,
    discountType: pack.discountType,
    basePriceCents: pack.basePriceCents,
    discountPercent: pack.discountPercent,
    currency: pack.currency,
    billingPeriod: pack.billingPeriod,
    isActive: pack.isActive,
    isPublic: pack.isPublic,
    sortOrder: pack.sortOrder,
    metadataJson: JSON.stringify(pack.metadata),
    items: pack.items.map((item) => ({
      serviceSlug: item.serviceSlug,
      planKey: item.planKey,
      planId: item.planId,
      planName: item.planName,
      listPrice: { amountCents: item.listPriceCents, currency: item.currency },
      overridePriceCents: item.overridePriceCents ?? undefined,
    })),
    price: { amountCents: price.amountMinor, currency: price.currency },
    listPrice: { amountCents: list.amountMinor, currency: list.currency },
    createdAt: pack.createdAt.toISOString(),
    updatedAt: pack.updatedAt.toISOString(),
  };
}

const defined = <T extends object>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;

export function serviceFieldsFromProto(f: billing.v1.ServiceFields | undefined): Partial<ServiceListing> {
  return defined({
    name: f?.name,
    description: f?.description,
    iconUrl: f?.iconUrl,
    baseUrl: f?.baseUrl,
    isActive: f?.isActive,
    isPublic: f?.isPublic,
    sortOrder: f?.sortOrder,
    metadata: metadataFromJson(f?.metadataJson),
  });
}

export function planListingFromProto(f: billing.v1.PlanFields | undefined): Partial<PlanListing> {
  return defined({
    name: f?.name,
    description: f?.description,
    tier: f?.tier as PlanTier | undefined,
    isActive: f?.isActive,
    isPublic: f?.isPublic,
    sortOrder: f?.sortOrder,
    metadata: metadataFromJson(f?.metadataJson),
  });
}

export function planTermsFromProto(f: billing.v1.PlanFields | undefined): Partial<PlanTerms> {
  return defined({
    billingPeriod: f?.billingPeriod as BillingPeriod | undefined,
    basePriceCents: f?.basePriceCents,
    currency: f?.currency,
    features: f?.hasFeatures ? { items: f.featureItems, unit: f.featureUnit } : undefined,
    quotas: f?.hasQuotas ? Object.fromEntries(f.quotas.map((q) => [q.metric, q.limit])) : undefined,
    trialDays: f?.trialDays,
  });
}

export function packFieldsFromProto(f: billing.v1.PackFields | undefined): Partial<PackDefinition> {
  return defined({
    name: f?.name,
    description: f?.description,
    discountType: f?.discountType as DiscountType | undefined,
    basePriceCents: f?.basePriceCents,
    discountPercent: f?.discountPercent,
    currency: f?.currency,
    billingPeriod: f?.billingPeriod as BillingPeriod | undefined,
    isActive: f?.isActive,
    isPublic: f?.isPublic,
    sortOrder: f?.sortOrder,
    metadata: metadataFromJson(f?.metadataJson),
    items: f?.hasItems ? f.items.map((i) => ({ planKey: i.planKey, overridePriceCents: i.overridePriceCents ?? null })) : undefined,
  });
}
