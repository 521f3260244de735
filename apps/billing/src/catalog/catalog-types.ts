import type { BillingPeriod, DiscountType, PlanTier } from './vocabulary.ts';

export interface Features {
  items: string[];
  unit: string;
}

/** Metric → limit; 0 means unlimited. */
export type Quotas = Record<string, number>;

export interface PricingTier {
  metric: string;
  tierStart: number;
  tierEnd: number | null;
  unitPriceCents: number;
  unitLabel: string;
  unitDivisor: number;
}

/** What a plan sells at: the part of a plan that is versioned. */
export interface PlanTerms {
  billingPeriod: BillingPeriod;
  basePriceCents: number;
  currency: string;
  features: Features;
  quotas: Quotas;
  trialDays: number;
  pricingTiers: PricingTier[];
}

/** The part of a plan an admin edits in place (no new version). */
export interface PlanListing {
  name: string;
  description: string;
  tier: PlanTier;
  isActive: boolean;
  isPublic: boolean;
  sortOrder: number;
  metadata: Record<string, unknown>;
}

export interface Plan extends PlanListing, PlanTerms {
  id: string;
  serviceId: string;
  serviceSlug: string;
  slug: string;
  planKey: string;
  version: number;
  versionId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ServiceListing {
  name: string;
  description: string;
  iconUrl: string;
  baseUrl: string;
  isActive: boolean;
  isPublic: boolean;
  sortOrder: number;
  metadata: Record<string, unknown>;
}

export interface CatalogService extends ServiceListing {
  id: string;
  slug: string;
  plans: Plan[];
  packSlugs: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface PackItemInput {
  planKey: string;
  overridePriceCents: number | null;
}

export interface PackDefinition {
  name: string;
  description: string;
  discountType: DiscountType;
  basePriceCents: number;
  /** Exact decimal text, 0–100. */
  discountPercent: string;
  currency: string;
  billingPeriod: BillingPeriod;
  isActive: boolean;
  isPublic: boolean;
  sortOrder: number;
  metadata: Record<string, unknown>;
  items: PackItemInput[];
}

export interface PackItem {
  planId: string;
  planKey: string;
  planName: string;
  serviceSlug: string;
  listPriceCents: number;
  currency: string;
  overridePriceCents: number | null;
}

export interface ServicePack extends Omit<PackDefinition, 'items'> {
  id: string;
  slug: string;
  items: PackItem[];
  createdAt: Date;
  updatedAt: Date;
}

/** Plan key `<service_slug>.<plan_slug>` (stable: neither slug changes). */
export const planKeyOf = (serviceSlug: string, planSlug: string) => `${serviceSlug}.${planSlug}`;
