import { badRequest, conflict } from '@scai/api';
import { money, prorate } from '@scai/money';
import type { Plan } from '../catalog/catalog-types.ts';
import { periodDays, periodEnd, usedDays } from './periods.ts';
import type { Subscription, SubscriptionEffect } from './subscription-types.ts';

/** A money line the next invoice turns into an invoice line (negative: a credit). */
export interface PendingItem {
  kind: 'proration_credit' | 'proration_charge' | 'plan_charge';
  description: string;
  amountCents: number;
  currency: string;
  periodStart: Date;
  periodEnd: Date;
}

export interface PlanChange {
  next: Subscription;
  items: PendingItem[];
  effects: SubscriptionEffect[];
}

/** The plan's current version as a subscription holds it. */
export function soldAt(plan: Plan): Pick<Subscription, 'planId' | 'planVersionId' | 'planVersion' | 'planKey' | 'unitPriceCents' | 'currency' | 'billingPeriod'> {
  return {
    planId: plan.id,
    planVersionId: plan.versionId,
    planVersion: plan.version,
    planKey: plan.planKey,
    unitPriceCents: plan.basePriceCents,
    currency: plan.currency,
    billingPeriod: plan.billingPeriod,
  };
}

/**
 * Moving a subscription to another plan of its service. A trial converts: the new plan
 * starts a fresh paid period, nothing to prorate. An active subscription is prorated by
 * the day: the unused days of the old plan are credited; the same days of the new plan
 * are charged when both bill over the same period, else the new plan starts a new period
 * now and its first period is charged. Each amount is rounded half-even once (@scai/money).
 */
export function changePlan(subscription: Subscription, plan: Plan, now: Date): PlanChange {
  if (plan.serviceId !== subscription.serviceId) throw badRequest(`${plan.planKey} is a plan of another service; subscribe to that service instead`);
  if (plan.id === subscription.planId) throw badRequest(`The subscription is already on ${plan.planKey}`);
  if (subscription.status !== 'active' && subscription.status !== 'trialing') {
    throw conflict(`Only an active or trialing subscription changes plan (this one is ${subscription.status})`, { status: subscription.status });
  }
  if (plan.currency !== subscription.currency) {
    throw conflict(`The subscription is billed in ${subscription.currency}; ${plan.planKey} is priced in ${plan.currency}`);
  }
  const next: Subscription = { ...subscription, ...soldAt(plan), updatedAt: now };
  const effects: SubscriptionEffect[] = [{ kind: 'changed', changeKind: 'plan_change', previousStatus: subscription.status, previousPlanKey: subscription.planKey }];

  if (subscription.status === 'trialing') {
    Object.assign(next, { status: 'active', currentPeriodStart: now, currentPeriodEnd: periodEnd(now, plan.billingPeriod), billingAnchor: now });
    return { next, items: [], effects };
  }

  const items: PendingItem[] = [];
  const start = subscription.currentPeriodStart;
  const end = subscription.currentPeriodEnd;
  const quantity = subscription.quantity;
  if (end && end > now) {
    const total = periodDays(start, end);
    const remaining = total - usedDays(start, end, now);
    const credit = prorate(money(subscription.unitPriceCents * quantity, subscription.currency), remaining, total);
    items.push({
      kind: 'proration_credit',
      description: `Unused time on ${subscription.planKey} (${remaining} of ${total} days)`,
      amountCents: -credit.amountMinor,
      currency: subscription.currency,
      periodStart: now,
      periodEnd: end,
    });
    if (plan.billingPeriod === subscription.billingPeriod) {
      const charge = prorate(money(plan.basePriceCents * quantity, plan.currency), remaining, total);
      items.push({ kind: 'proration_charge', description: `Remaining time on ${plan.planKey} (${remaining} of ${total} days)`, amountCents: charge.amountMinor, currency: plan.currency, periodStart: now, periodEnd: end });
      return { next, items: items.filter((item) => item.amountCents !== 0), effects };
    }
  }
  const newEnd = periodEnd(now, plan.billingPeriod) ?? now;
  Object.assign(next, { currentPeriodStart: now, currentPeriodEnd: periodEnd(now, plan.billingPeriod), billingAnchor: now });
  items.push({ kind: 'plan_charge', description: `First ${plan.billingPeriod.replace('_', '-')} period of ${plan.planKey}`, amountCents: plan.basePriceCents * quantity, currency: plan.currency, periodStart: now, periodEnd: newEnd });
  return { next, items: items.filter((item) => item.amountCents !== 0), effects };
}
