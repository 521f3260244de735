import type { IssueList } from '@scai/api';
import { isCurrency, validateTiers, type UsageTier } from '@scai/money';
import type { Features, PricingTier, Quotas } from './catalog-types.ts';
import { BILLING_PERIODS, MAX_PRICE_CENTS, MAX_SORT_ORDER, MAX_STORED_INT, MAX_TRIAL_DAYS, METRIC_PATTERN, PLAN_TIERS, SLUG_PATTERN, isOneOf } from './vocabulary.ts';

type Loc = (string | number)[];

const slugRe = new RegExp(SLUG_PATTERN);
const metricRe = new RegExp(METRIC_PATTERN);

export function checkSlug(issues: IssueList, loc: Loc, slug: string | undefined): void {
  if (slug === undefined) return;
  if (slug.length > 63 || !slugRe.test(slug)) issues.add(loc, 'must be lowercase letters, digits and single hyphens, at most 63 characters', 'string_pattern_mismatch');
}

export function checkText(issues: IssueList, loc: Loc, value: string | undefined, max: number, required = false): void {
  if (value === undefined) return;
  if (required && value.trim().length === 0) issues.add(loc, 'must not be blank', 'string_too_short');
  else if (value.length > max) issues.add(loc, `must be at most ${max} characters`, 'string_too_long');
}

export function checkOneOf(issues: IssueList, loc: Loc, list: readonly string[], value: string | undefined): void {
  if (value !== undefined && !isOneOf(list, value)) issues.add(loc, `must be one of ${list.join(', ')}`, 'enum');
}

export const checkTier = (issues: IssueList, loc: Loc, tier: string | undefined) => checkOneOf(issues, loc, PLAN_TIERS, tier);
export const checkPeriod = (issues: IssueList, loc: Loc, period: string | undefined) => checkOneOf(issues, loc, BILLING_PERIODS, period);

/** A catalog price: whole minor units, never negative, within the column. */
export function checkPrice(issues: IssueList, loc: Loc, cents: number | null | undefined): void {
  if (cents === undefined || cents === null) return;
  if (!Number.isInteger(cents) || cents < 0 || cents > MAX_PRICE_CENTS) {
    issues.add(loc, `must be a whole number of minor units from 0 to ${MAX_PRICE_CENTS}`, 'value_error');
  }
}

/** Sort orders stay within ±1,000,000 (the gateway's bound; a 32-bit column behind). */
export function checkSortOrder(issues: IssueList, loc: Loc, value: number | undefined): void {
  if (value !== undefined && Math.abs(value) > MAX_SORT_ORDER) issues.add(loc, `must be from -${MAX_SORT_ORDER} to ${MAX_SORT_ORDER}`, 'value_error');
}

export function checkCurrency(issues: IssueList, loc: Loc, currency: string | undefined): void {
  if (currency !== undefined && !isCurrency(currency)) issues.add(loc, 'must be an active ISO 4217 currency code, e.g. EUR', 'value_error');
}

export function checkTrialDays(issues: IssueList, loc: Loc, days: number | undefined): void {
  if (days === undefined) return;
  if (!Number.isInteger(days) || days < 0 || days > MAX_TRIAL_DAYS) issues.add(loc, `must be a whole number of days from 0 to ${MAX_TRIAL_DAYS}`, 'value_error');
}

export function checkFeatures(issues: IssueList, loc: Loc, features: Features | undefined): void {
  if (!features) return;
  if (features.items.length > 50) issues.add([...loc, 'items'], 'at most 50 features', 'too_long');
  features.items.forEach((item, i) => checkText(issues, [...loc, 'items', i], item, 200, true));
  checkText(issues, [...loc, 'unit'], features.unit, 40);
}

export function checkQuotas(issues: IssueList, loc: Loc, quotas: Quotas | undefined): void {
  if (!quotas) return;
  for (const [metric, limit] of Object.entries(quotas)) {
    if (!metricRe.test(metric)) issues.add([...loc, metric], 'metric names are lowercase letters, digits, _ and .', 'string_pattern_mismatch');
    if (!Number.isSafeInteger(limit) || limit < 0) issues.add([...loc, metric], 'must be a whole number ≥ 0 (0 = unlimited)', 'value_error');
  }
}

const TIER_FIELD_NAMES: Record<keyof UsageTier, string> = {
  tierStart: 'tier_start',
  tierEnd: 'tier_end',
  unitPriceCents: 'unit_price_cents',
  unitLabel: 'unit_label',
  unitDivisor: 'unit_divisor',
};

/** Each metric's tiers on their own: contiguous from 0, the last one open or closed. */
export function checkPricingTiers(issues: IssueList, loc: Loc, tiers: PricingTier[] | undefined): void {
  if (!tiers) return;
  if (tiers.length > 100) issues.add(loc, 'at most 100 pricing tiers', 'too_long');
  const byMetric = new Map<string, number[]>();
  tiers.forEach((tier, index) => {
    if (!metricRe.test(tier.metric)) issues.add([...loc, index, 'metric'], 'metric names are lowercase letters, digits, _ and .', 'string_pattern_mismatch');
    checkText(issues, [...loc, index, 'unit_label'], tier.unitLabel, 60, true);
    for (const [field, value] of [['tier_start', tier.tierStart], ['tier_end', tier.tierEnd], ['unit_price_cents', tier.unitPriceCents], ['unit_divisor', tier.unitDivisor]] as const) {
      if (value !== null && value > MAX_STORED_INT) issues.add([...loc, index, field], `must be at most ${MAX_STORED_INT}`, 'value_error');
    }
    byMetric.set(tier.metric, [...(byMetric.get(tier.metric) ?? []), index]);
  });
  for (const indexes of byMetric.values()) {
    for (const problem of validateTiers(indexes.map((i) => tiers[i]))) {
      issues.add([...loc, indexes[problem.index] ?? 0, TIER_FIELD_NAMES[problem.field]], problem.message, 'value_error');
    }
  }
}
