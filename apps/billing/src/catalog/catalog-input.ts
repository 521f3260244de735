import { IssueList } from '@scai/api';
import { isValidPercentage } from '@scai/money';
import type { PackDefinition, PlanListing, PlanTerms, PricingTier, ServiceListing } from './catalog-types.ts';
import { checkCurrency, checkFeatures, checkOneOf, checkPeriod, checkPrice, checkPricingTiers, checkQuotas, checkSlug, checkSortOrder, checkText, checkTier, checkTrialDays } from './plan-check.ts';
import { DISCOUNT_TYPES } from './vocabulary.ts';

function required(issues: IssueList, record: object, fields: [string, string][]): void {
  for (const [key, wire] of fields) {
    if ((record as Record<string, unknown>)[key] === undefined) issues.add([wire], 'field required', 'missing');
  }
}

function checkServiceListing(issues: IssueList, listing: Partial<ServiceListing>): void {
  checkText(issues, ['name'], listing.name, 120, true);
  checkText(issues, ['description'], listing.description, 2000);
  checkText(issues, ['icon_url'], listing.iconUrl, 2000);
  checkText(issues, ['base_url'], listing.baseUrl, 2000);
  checkSortOrder(issues, ['sort_order'], listing.sortOrder);
}

export function validateServiceCreate(slug: string, listing: Partial<ServiceListing>): ServiceListing {
  const issues = new IssueList();
  checkSlug(issues, ['slug'], slug);
  required(issues, listing, [['name', 'name']]);
  checkServiceListing(issues, listing);
  issues.throwIfAny();
  return { description: '', iconUrl: '', baseUrl: '', isActive: true, isPublic: true, sortOrder: 0, metadata: {}, name: '', ...listing };
}

export function validateServicePatch(patch: Partial<ServiceListing>): Partial<ServiceListing> {
  const issues = new IssueList();
  checkServiceListing(issues, patch);
  issues.throwIfAny();
  return patch;
}

function checkPlan(issues: IssueList, listing: Partial<PlanListing>, terms: Partial<PlanTerms>): void {
  checkText(issues, ['name'], listing.name, 120, true);
  checkText(issues, ['description'], listing.description, 2000);
  checkTier(issues, ['tier'], listing.tier);
  checkSortOrder(issues, ['sort_order'], listing.sortOrder);
  checkPeriod(issues, ['billing_period'], terms.billingPeriod);
  checkPrice(issues, ['base_price_cents'], terms.basePriceCents);
  checkCurrency(issues, ['currency'], terms.currency);
  checkTrialDays(issues, ['trial_days'], terms.trialDays);
  checkFeatures(issues, ['features'], terms.features);
  checkQuotas(issues, ['quotas'], terms.quotas);
}

export function validatePlanCreate(slug: string, listing: Partial<PlanListing>, terms: Partial<PlanTerms>, tiers: PricingTier[]): { listing: PlanListing; terms: PlanTerms } {
  const issues = new IssueList();
  checkSlug(issues, ['slug'], slug);
  required(issues, { ...listing, ...terms }, [['name', 'name'], ['tier', 'tier'], ['billingPeriod', 'billing_period'], ['basePriceCents', 'base_price_cents'], ['currency', 'currency']]);
  checkPlan(issues, listing, terms);
  if (tiers.length > 0) checkPricingTiers(issues, ['pricing_tiers'], tiers);
  issues.throwIfAny();
  return {
    listing: { description: '', isActive: true, isPublic: true, sortOrder: 0, metadata: {}, name: '', tier: 'custom', ...listing },
    terms: { features: { items: [], unit: '' }, quotas: {}, trialDays: 0, billingPeriod: 'monthly', basePriceCents: 0, currency: 'EUR', ...terms, pricingTiers: tiers },
  };
}

export function validatePlanPatch(listing: Partial<PlanListing>, terms: Partial<PlanTerms>): void {
  const issues = new IssueList();
  checkPlan(issues, listing, terms);
  issues.throwIfAny();
}

export function validatePricingTiers(tiers: PricingTier[]): PricingTier[] {
  const issues = new IssueList();
  if (tiers.length > 0) checkPricingTiers(issues, ['pricing_tiers'], tiers);
  issues.throwIfAny();
  return tiers;
}

function checkPack(issues: IssueList, pack: Partial<PackDefinition>): void {
  checkText(issues, ['name'], pack.name, 120, true);
  checkText(issues, ['description'], pack.description, 2000);
  checkOneOf(issues, ['discount_type'], DISCOUNT_TYPES, pack.discountType);
  checkPrice(issues, ['base_price_cents'], pack.basePriceCents);
  checkCurrency(issues, ['currency'], pack.currency);
  checkPeriod(issues, ['billing_period'], pack.billingPeriod);
  checkSortOrder(issues, ['sort_order'], pack.sortOrder);
  if (pack.discountPercent !== undefined && !isValidPercentage(pack.discountPercent)) issues.add(['discount_percent'], 'must be a decimal from 0 to 100, e.g. "12.5"');
  if (pack.items !== undefined && pack.items.length === 0) issues.add(['items'], 'a pack needs at least one item', 'too_short');
  if (pack.items && pack.items.length > 20) issues.add(['items'], 'at most 20 items', 'too_long');
  pack.items?.forEach((item, i) => checkPrice(issues, ['items', i, 'override_price_cents'], item.overridePriceCents));
}

export function validatePackCreate(slug: string, pack: Partial<PackDefinition>): PackDefinition {
  const issues = new IssueList();
  checkSlug(issues, ['slug'], slug);
  // `/service-packs/subscriptions` is the tenant's list of bought packs, not a pack.
  if (slug === 'subscriptions') issues.add(['slug'], 'subscriptions is reserved', 'value_error');
  required(issues, pack, [['name', 'name'], ['discountType', 'discount_type'], ['currency', 'currency'], ['billingPeriod', 'billing_period'], ['items', 'items']]);
  checkPack(issues, pack);
  issues.throwIfAny();
  return {
    description: '', basePriceCents: 0, discountPercent: '0', isActive: true, isPublic: true, sortOrder: 0, metadata: {},
    name: '', discountType: 'percentage', currency: 'EUR', billingPeriod: 'monthly', items: [], ...pack,
  };
}

export function validatePackPatch(pack: Partial<PackDefinition>): Partial<PackDefinition> {
  const issues = new IssueList();
  checkPack(issues, pack);
  issues.throwIfAny();
  return pack;
}
