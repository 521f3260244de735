import type { billing } from '@scai/proto';
import { subscriptionJson } from '../subscriptions/subscription-json.ts';

export function packSubscriptionJson(pack: billing.v1.PackSubscription | undefined) {
  if (!pack) throw new Error('billing service answered without a pack subscription');
  return {
    id: pack.id,
    tenant_id: pack.tenantId,
    partner_id: pack.partnerId,
    pack_id: pack.packId,
    pack_slug: pack.packSlug,
    status: pack.status,
    price_cents: pack.priceCents,
    currency: pack.currency,
    billing_period: pack.billingPeriod,
    mrr_cents: pack.mrrCents,
    current_period_start: pack.currentPeriodStart ?? '',
    current_period_end: pack.currentPeriodEnd ?? null,
    cancelled_at: pack.cancelledAt ?? null,
    suspended_reason: pack.suspendedReason ?? null,
    children: pack.children.map(subscriptionJson),
    created_at: pack.createdAt ?? '',
    updated_at: pack.updatedAt ?? '',
  };
}
