import type { Prisma } from '../generated/prisma/client.ts';
import type { CatalogService, Features, PackItem, Plan, PricingTier, Quotas, ServicePack } from './catalog-types.ts';
import type { BillingPeriod, DiscountType, PlanTier } from './vocabulary.ts';

/** The current version of a plan is its highest; reads fetch only that one. */
export const currentVersion = {
  orderBy: { version: 'desc' },
  take: 1,
  include: { pricingTiers: { orderBy: [{ metric: 'asc' }, { tierStart: 'asc' }] } },
} satisfies Prisma.Plan$versionsArgs;

export const planInclude = { service: { select: { slug: true } }, versions: currentVersion } satisfies Prisma.PlanInclude;
export type PlanRow = Prisma.PlanGetPayload<{ include: typeof planInclude }>;

export const packInclude = {
  items: { orderBy: { position: 'asc' }, include: { plan: { include: planInclude } } },
} satisfies Prisma.ServicePackInclude;
export type PackRow = Prisma.ServicePackGetPayload<{ include: typeof packInclude }>;

type TierRow = PlanRow['versions'][number]['pricingTiers'][number];

const objectOf = (value: Prisma.JsonValue): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export function tierOf(row: TierRow): PricingTier {
  return {
    metric: row.metric,
    tierStart: row.tierStart,
    tierEnd: row.tierEnd,
    unitPriceCents: row.unitPriceCents,
    unitLabel: row.unitLabel,
    unitDivisor: row.unitDivisor,
  };
}

export function planOf(row: PlanRow): Plan {
  const version = row.versions[0];
  if (!version) throw new Error(`plan ${row.id} has no version`);
  const features = objectOf(version.features);
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceSlug: row.service.slug,
    slug: row.slug,
    planKey: row.planKey,
    name: row.name,
    description: row.description,
    tier: row.tier as PlanTier,
    isActive: row.isActive,
    isPublic: row.isPublic,
    sortOrder: row.sortOrder,
    metadata: objectOf(row.metadata),
    version: version.version,
    versionId: version.id,
    billingPeriod: version.billingPeriod as BillingPeriod,
    basePriceCents: version.basePriceCents,
    currency: version.currency,
    features: { items: (features.items as string[] | undefined) ?? [], unit: (features.unit as string | undefined) ?? '' } satisfies Features,
    quotas: objectOf(version.quotas) as Quotas,
    trialDays: version.trialDays,
    pricingTiers: version.pricingTiers.map(tierOf),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

type ServiceRow = Prisma.CatalogServiceGetPayload<object>;

export function serviceOf(row: ServiceRow, plans: Plan[], packSlugs: string[]): CatalogService {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    iconUrl: row.iconUrl,
    baseUrl: row.baseUrl,
    isActive: row.isActive,
    isPublic: row.isPublic,
    sortOrder: row.sortOrder,
    metadata: objectOf(row.metadata),
    plans,
    packSlugs,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function packItemOf(row: PackRow['items'][number]): PackItem {
  const plan = planOf(row.plan);
  return {
    planId: plan.id,
    planKey: plan.planKey,
    planName: plan.name,
    serviceSlug: plan.serviceSlug,
    listPriceCents: plan.basePriceCents,
    currency: plan.currency,
    overridePriceCents: row.overridePriceCents,
  };
}

export function packOf(row: PackRow): ServicePack {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    discountType: row.discountType as DiscountType,
    basePriceCents: row.basePriceCents,
    discountPercent: row.discountPercent,
    currency: row.currency,
    billingPeriod: row.billingPeriod as BillingPeriod,
    isActive: row.isActive,
    isPublic: row.isPublic,
    sortOrder: row.sortOrder,
    metadata: objectOf(row.metadata),
    items: row.items.map(packItemOf),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
