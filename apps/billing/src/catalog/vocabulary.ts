/** The catalog's closed vocabularies (domain.md "Catalog, plans and packs"). */
export const PLAN_TIERS = ['free', 'trial', 'starter', 'pro', 'enterprise', 'custom'] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

export const BILLING_PERIODS = ['monthly', 'quarterly', 'yearly', 'weekly', 'daily', 'one_time'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export const DISCOUNT_TYPES = ['fixed_price', 'percentage'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

/** Plan, service and pack slugs: lowercase words joined by hyphens. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Usage metrics: `tokens`, `api_calls`, `storage.gb`. */
export const METRIC_PATTERN = '^[a-z][a-z0-9_.]{0,62}$';

/** Catalog numbers (prices, tier bounds, divisors, sort orders) fit a 32-bit column: 21,474,836.47 in a two-decimal currency. */
export const MAX_STORED_INT = 2_147_483_647;
export const MAX_PRICE_CENTS = MAX_STORED_INT;
export const MAX_SORT_ORDER = 1_000_000;
export const MAX_TRIAL_DAYS = 365;

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
