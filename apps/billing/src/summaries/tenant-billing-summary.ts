import { reachWhere, type Reach } from '@scai/permissions';
import type { BillingPeriod } from '../catalog/vocabulary.ts';
import { missingForCommerce } from '../profiles/commerce-readiness.ts';
import type { BillingProfile } from '../profiles/profile-fields.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { Db } from '../store/prisma.ts';
import { packMrrOf } from '../packs/pack-subscription-events.ts';
import { mrrOf } from '../subscriptions/subscription-events.ts';
import { subscriptionOf } from '../subscriptions/subscription-records.ts';
import { LIVE_STATES, type SubscriptionState } from '../subscriptions/subscription-state.ts';

/** One tenant's billing at a glance, as the admin tenant list shows it. */
export interface TenantBillingSummary {
  tenantId: string;
  profile: BillingProfile;
  readyForCommerce: boolean;
  /** Live (not ended) subscriptions, pack children included: what the tenant runs. */
  liveSubscriptions: number;
  livePacks: number;
  /** Monthly recurring revenue per currency, in minor units, of what is billed now; a pack counts once, at its price. */
  mrr: { currency: string; amountCents: number }[];
}

/** States that are billed: a trial earns nothing yet, a suspension nothing any more. */
const EARNING: readonly string[] = ['active', 'past_due', 'cancelling'];

function addTo(totals: Map<string, number>, currency: string, amount: number) {
  if (amount > 0) totals.set(currency, (totals.get(currency) ?? 0) + amount);
}

/**
 * Summaries for the tenants in `tenantIds` that are in `reach` and have a billing profile
 * (a tenant without one cannot have bought anything). Three queries for the whole page,
 * whatever its size.
 */
export async function summariseTenants(db: Db, profiles: ProfileStore, reach: Reach, tenantIds: string[]): Promise<TenantBillingSummary[]> {
  const found = await profiles.listForTenants(reach, tenantIds);
  const where = reachWhere(reach);
  if (found.length === 0 || !where) return [];
  const ids = found.map((profile) => profile.tenantId);
  const live = { in: [...LIVE_STATES] };
  const [subscriptionRows, packRows] = await Promise.all([
    db.subscription.findMany({ where: { ...where, tenantId: { in: ids }, status: live } }),
    db.packSubscription.findMany({ where: { ...where, tenantId: { in: ids }, status: live } }),
  ]);
  return found.map((profile) => {
    const mrr = new Map<string, number>();
    const subscriptions = subscriptionRows.filter((row) => row.tenantId === profile.tenantId).map(subscriptionOf);
    // A child's own price is 0: the pack carries its MRR.
    for (const subscription of subscriptions.filter((one) => EARNING.includes(one.status))) addTo(mrr, subscription.currency, mrrOf(subscription));
    const packs = packRows.filter((row) => row.tenantId === profile.tenantId);
    for (const pack of packs.filter((one) => EARNING.includes(one.status))) addTo(mrr, pack.currency, packMrrOf({ priceCents: pack.priceCents, status: pack.status as SubscriptionState, billingPeriod: pack.billingPeriod as BillingPeriod }));
    return {
      tenantId: profile.tenantId,
      profile,
      readyForCommerce: missingForCommerce(profile).length === 0,
      liveSubscriptions: subscriptions.length,
      livePacks: packs.length,
      mrr: [...mrr].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountCents]) => ({ currency, amountCents })),
    };
  });
}
