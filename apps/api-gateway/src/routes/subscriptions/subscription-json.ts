import type { billing } from '@scai/proto';

const orNull = <T>(value: T | undefined) => value ?? null;

export function subscriptionJson(subscription: billing.v1.Subscription | undefined) {
  if (!subscription) throw new Error('billing service answered without a subscription');
  return {
    id: subscription.id,
    tenant_id: subscription.tenantId,
    partner_id: subscription.partnerId,
    service_id: subscription.serviceId,
    service_slug: subscription.serviceSlug,
    plan_id: subscription.planId,
    plan_key: subscription.planKey,
    plan_version: subscription.planVersion,
    status: subscription.status as never,
    quantity: subscription.quantity,
    unit_price_cents: subscription.unitPriceCents,
    currency: subscription.currency,
    billing_period: subscription.billingPeriod,
    mrr_cents: subscription.mrrCents,
    trial_end_date: orNull(subscription.trialEndDate),
    current_period_start: subscription.currentPeriodStart ?? '',
    current_period_end: orNull(subscription.currentPeriodEnd),
    pending_cancellation_at: orNull(subscription.pendingCancellationAt),
    past_due_since: orNull(subscription.pastDueSince),
    cancelled_at: orNull(subscription.cancelledAt),
    suspended_reason: orNull(subscription.suspendedReason),
    pack_subscription_id: orNull(subscription.packSubscriptionId),
    created_at: subscription.createdAt ?? '',
    updated_at: subscription.updatedAt ?? '',
  };
}

export function billableItemJson(item: billing.v1.BillableItem) {
  return {
    id: item.id,
    subscription_id: item.subscriptionId,
    kind: item.kind,
    description: item.description,
    amount_cents: item.amountCents,
    currency: item.currency,
    period_start: item.periodStart ?? '',
    period_end: item.periodEnd ?? '',
    created_at: item.createdAt ?? '',
  };
}
