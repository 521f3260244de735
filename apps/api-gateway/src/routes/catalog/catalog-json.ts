import type { Static } from '@fastify/type-provider-typebox';
import type { billing } from '@scai/proto';
import type { PackCreate, PackUpdate, PlanCreate, PlanUpdate, ServiceUpdate, UsagePricingTier } from './catalog-schemas.ts';

const parsed = (text: string): Record<string, unknown> => (text ? (JSON.parse(text) as Record<string, unknown>) : {});

export const tierJson = (t: billing.v1.UsagePricingTier) => ({
  metric: t.metric,
  tier_start: t.tierStart,
  tier_end: t.tierEnd ?? null,
  unit_price_cents: t.unitPriceCents,
  unit_label: t.unitLabel,
  unit_divisor: t.unitDivisor,
});

export function tierFromBody(t: Static<typeof UsagePricingTier>): billing.v1.UsagePricingTier {
  return { metric: t.metric, tierStart: t.tier_start, tierEnd: t.tier_end ?? undefined, unitPriceCents: t.unit_price_cents, unitLabel: t.unit_label, unitDivisor: t.unit_divisor };
}

export function planJson(plan: billing.v1.Plan | undefined) {
  if (!plan) throw new Error('billing answered without a plan');
  return {
    id: plan.id,
    service_id: plan.serviceId,
    service_slug: plan.serviceSlug,
    slug: plan.slug,
    plan_key: plan.planKey,
    name: plan.name,
    description: plan.description,
    tier: plan.tier,
    billing_period: plan.billingPeriod,
    base_price_cents: plan.basePriceCents,
    currency: plan.currency,
    mrr_cents: plan.mrrCents,
    features: { items: plan.featureItems, unit: plan.featureUnit },
    quotas: Object.fromEntries(plan.quotas.map((q) => [q.metric, q.limit])),
    trial_days: plan.trialDays,
    pricing_tiers: plan.pricingTiers.map(tierJson),
    is_active: plan.isActive,
    is_public: plan.isPublic,
    sort_order: plan.sortOrder,
    metadata: parsed(plan.metadataJson),
    version: plan.version,
    created_at: plan.createdAt ?? '',
    updated_at: plan.updatedAt ?? '',
  };
}

export function serviceJson(service: billing.v1.CatalogEntry | undefined) {
  if (!service) throw new Error('billing answered without a service');
  return {
    id: service.id,
    slug: service.slug,
    name: service.name,
    description: service.description,
    icon_url: service.iconUrl,
    base_url: service.baseUrl,
    is_active: service.isActive,
    is_public: service.isPublic,
    sort_order: service.sortOrder,
    metadata: parsed(service.metadataJson),
    plans: service.plans.map(planJson),
    packs: service.packSlugs,
    created_at: service.createdAt ?? '',
    updated_at: service.updatedAt ?? '',
  };
}

const moneyJson = (m: billing.v1.Money | undefined) => ({ amount_cents: m?.amountCents ?? 0, currency: m?.currency ?? '' });

export function packJson(pack: billing.v1.ServicePack | undefined) {
  if (!pack) throw new Error('billing answered without a pack');
  return {
    id: pack.id,
    slug: pack.slug,
    name: pack.name,
    description: pack.description,
    discount_type: pack.discountType,
    base_price_cents: pack.basePriceCents,
    discount_percent: pack.discountPercent,
    currency: pack.currency,
    billing_period: pack.billingPeriod,
    price: moneyJson(pack.price),
    list_price: moneyJson(pack.listPrice),
    items: pack.items.map((item) => ({
      service_slug: item.serviceSlug,
      plan_key: item.planKey,
      plan_id: item.planId,
      plan_name: item.planName,
      list_price: moneyJson(item.listPrice),
      override_price_cents: item.overridePriceCents ?? null,
    })),
    is_active: pack.isActive,
    is_public: pack.isPublic,
    sort_order: pack.sortOrder,
    metadata: parsed(pack.metadataJson),
    created_at: pack.createdAt ?? '',
    updated_at: pack.updatedAt ?? '',
  };
}

const json = (value: Record<string, unknown> | undefined) => (value === undefined ? undefined : JSON.stringify(value));

export function serviceFieldsFromBody(body: Static<typeof ServiceUpdate>): billing.v1.ServiceFields {
  return {
    name: body.name,
    description: body.description,
    iconUrl: body.icon_url,
    baseUrl: body.base_url,
    isActive: body.is_active,
    isPublic: body.is_public,
    sortOrder: body.sort_order,
    metadataJson: json(body.metadata),
  };
}

export function planFieldsFromBody(body: Static<typeof PlanUpdate> | Static<typeof PlanCreate>): billing.v1.PlanFields {
  return {
    name: body.name,
    description: body.description,
    tier: body.tier,
    billingPeriod: body.billing_period,
    basePriceCents: body.base_price_cents,
    currency: body.currency,
    hasFeatures: body.features !== undefined,
    featureItems: body.features?.items ?? [],
    featureUnit: body.features?.unit ?? '',
    hasQuotas: body.quotas !== undefined,
    quotas: Object.entries(body.quotas ?? {}).map(([metric, limit]) => ({ metric, limit })),
    trialDays: body.trial_days,
    isActive: body.is_active,
    isPublic: body.is_public,
    sortOrder: body.sort_order,
    metadataJson: json(body.metadata),
  };
}

export function packFieldsFromBody(body: Static<typeof PackUpdate> | Static<typeof PackCreate>): billing.v1.PackFields {
  return {
    name: body.name,
    description: body.description,
    discountType: body.discount_type,
    basePriceCents: body.base_price_cents,
    discountPercent: body.discount_percent,
    currency: body.currency,
    billingPeriod: body.billing_period,
    isActive: body.is_active,
    isPublic: body.is_public,
    sortOrder: body.sort_order,
    metadataJson: json(body.metadata),
    hasItems: body.items !== undefined,
    items: (body.items ?? []).map((item) => ({ planKey: item.plan_key, overridePriceCents: item.override_price_cents })),
  };
}
