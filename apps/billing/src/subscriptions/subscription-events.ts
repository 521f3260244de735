import { createEvent, type CloudEvent } from '@scai/events';
import { monthlyRecurringMinor } from '@scai/money';
import { BILLING_EVENT_SOURCE } from '../profiles/profile-events.ts';
import type { Subscription, SubscriptionEffect } from './subscription-types.ts';

/** CloudEvents types; webhook subscribers know them as `subscription.<kind>.v1`. */
export const SubscriptionEvents = {
  activated: 'scai.billing.subscription.activated',
  changed: 'scai.billing.subscription.changed',
  cancelled: 'scai.billing.subscription.cancelled',
  suspended: 'scai.billing.subscription.suspended',
  resumed: 'scai.billing.subscription.resumed',
  trial_ending: 'scai.billing.subscription.trial_ending',
  payment_failed: 'scai.billing.subscription.payment_failed',
} as const;

/** What every subscription event carries: the subscription as it is after the change. */
export interface SubscriptionSnapshot {
  subscription_id: string;
  owner_kind: 'tenant';
  tenant_id: string;
  partner_id: string;
  service_slug: string;
  plan_key: string;
  plan_version: number;
  status: string;
  quantity: number;
  currency: string;
  billing_period: string;
  unit_price_cents: number;
  mrr_amount_cents: number;
  trial_end_date: string | null;
  current_period_start: string;
  current_period_end: string | null;
  pending_cancellation_at: string | null;
  pack_subscription_id: string | null;
  occurred_at: string;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** What the subscription adds to the tenant's monthly recurring revenue (0 once it has ended). */
export function mrrOf(subscription: Subscription): number {
  if (subscription.status === 'cancelled' || subscription.status === 'expired' || subscription.status === 'pending') return 0;
  return monthlyRecurringMinor(subscription.unitPriceCents * subscription.quantity, subscription.billingPeriod);
}

export function snapshotOf(subscription: Subscription, at: Date): SubscriptionSnapshot {
  return {
    subscription_id: subscription.id,
    owner_kind: 'tenant',
    tenant_id: subscription.tenantId,
    partner_id: subscription.partnerId,
    service_slug: subscription.serviceSlug,
    plan_key: subscription.planKey,
    plan_version: subscription.planVersion,
    status: subscription.status,
    quantity: subscription.quantity,
    currency: subscription.currency,
    billing_period: subscription.billingPeriod,
    unit_price_cents: subscription.unitPriceCents,
    mrr_amount_cents: mrrOf(subscription),
    trial_end_date: iso(subscription.trialEndDate),
    current_period_start: subscription.currentPeriodStart.toISOString(),
    current_period_end: iso(subscription.currentPeriodEnd),
    pending_cancellation_at: iso(subscription.pendingCancellationAt),
    pack_subscription_id: subscription.packSubscriptionId,
    occurred_at: at.toISOString(),
  };
}

function extrasOf(effect: SubscriptionEffect, subscription: Subscription): Record<string, unknown> {
  switch (effect.kind) {
    case 'changed':
      return { change_kind: effect.changeKind, previous_status: effect.previousStatus, ...(effect.previousPlanKey ? { previous_plan_key: effect.previousPlanKey } : {}) };
    case 'cancelled':
      return { effective_immediately: effect.effectiveImmediately, terminal_state: effect.terminalState, cancelled_at: iso(subscription.cancelledAt) };
    case 'suspended':
      return { reason: effect.reason };
    case 'payment_failed':
      return { past_due_since: iso(subscription.pastDueSince) };
    case 'trial_ending':
      return { days_left: effect.daysLeft };
    default:
      return {};
  }
}

/** One CloudEvent per effect of a change, all describing the subscription after it. */
export function subscriptionEvents(subscription: Subscription, effects: SubscriptionEffect[], at: Date): CloudEvent[] {
  const snapshot = snapshotOf(subscription, at);
  return effects.map((effect) =>
    createEvent({
      source: BILLING_EVENT_SOURCE,
      type: SubscriptionEvents[effect.kind],
      subject: subscription.id,
      data: { ...snapshot, ...extrasOf(effect, subscription) },
      tenantId: subscription.tenantId,
      partnerId: subscription.partnerId,
    }),
  );
}
