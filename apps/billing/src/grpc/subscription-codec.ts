import type { billing } from '@scai/proto';
import type { BillableItem } from '../generated/prisma/client.ts';
import { mrrOf } from '../subscriptions/subscription-events.ts';
import type { Subscription } from '../subscriptions/subscription-types.ts';

const iso = (at: Date | null) => (at ? at.toISOString() : undefined);

export function subscriptionToProto(subscription: Subscription): billing.v1.Subscription {
  return {
    id: subscription.id,
    tenantId: subscription.tenantId,
    partnerId: subscription.partnerId,
    serviceId: subscription.serviceId,
    serviceSlug: subscription.serviceSlug,
    planId: subscription.planId,
    planKey: subscription.planKey,
    planVersion: subscription.planVersion,
    status: subscription.status,
    quantity: subscription.quantity,
    unitPriceCents: subscription.unitPriceCents,
    currency: subscription.currency,
    billingPeriod: subscription.billingPeriod,
    mrrCents: mrrOf(subscription),
    trialEndDate: iso(subscription.trialEndDate),
    currentPeriodStart: subscription.currentPeriodStart.toISOString(),
    currentPeriodEnd: iso(subscription.currentPeriodEnd),
    pendingCancellationAt: iso(subscription.pendingCancellationAt),
    pastDueSince: iso(subscription.pastDueSince),
    cancelledAt: iso(subscription.cancelledAt),
    suspendedReason: subscription.suspendedReason ?? undefined,
    packSubscriptionId: subscription.packSubscriptionId ?? undefined,
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
  };
}

export function billableItemToProto(item: BillableItem): billing.v1.BillableItem {
  return {
    id: item.id,
    subscriptionId: item.subscriptionId,
    kind: item.kind,
    description: item.description,
    amountCents: item.amountCents,
    currency: item.currency,
    periodStart: item.periodStart.toISOString(),
    periodEnd: item.periodEnd.toISOString(),
    createdAt: item.createdAt.toISOString(),
  };
}
