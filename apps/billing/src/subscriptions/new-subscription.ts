import { newId } from '@scai/api';
import type { Plan } from '../catalog/catalog-types.ts';
import { soldAt } from './plan-change.ts';
import { addDays } from './periods.ts';
import { moveSubscription, type Moved } from './transition.ts';
import type { Subscription } from './subscription-types.ts';

export interface NewSubscription {
  tenant: { id: string; partnerId: string };
  plan: Plan;
  now: Date;
  /** False when the tenant already had a trial of this service: it starts paid. */
  trialAllowed: boolean;
  packSubscriptionId?: string | null;
}

/**
 * A subscription as it is sold: born pending, then trialing for the plan's trial days
 * (the trial is its first period) or active with its first billing period.
 */
export function startSubscription(input: NewSubscription): Moved & { created: Subscription } {
  const { plan, now } = input;
  const created: Subscription = {
    id: newId('subscription'),
    tenantId: input.tenant.id,
    partnerId: input.tenant.partnerId,
    serviceId: plan.serviceId,
    serviceSlug: plan.serviceSlug,
    ...soldAt(plan),
    status: 'pending',
    quantity: 1,
    trialEndDate: null,
    currentPeriodStart: now,
    currentPeriodEnd: null,
    billingAnchor: now,
    pendingCancellationAt: null,
    pastDueSince: null,
    cancelledAt: null,
    suspendedReason: null,
    activatedAt: null,
    packSubscriptionId: input.packSubscriptionId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  if (plan.trialDays > 0 && input.trialAllowed) {
    const trialEnd = addDays(now, plan.trialDays);
    const moved = moveSubscription({ ...created, trialEndDate: trialEnd, currentPeriodEnd: trialEnd }, 'trialing', now);
    return { ...moved, created };
  }
  return { ...moveSubscription(created, 'active', now), created };
}
