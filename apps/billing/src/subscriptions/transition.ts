import { badRequest } from '@scai/api';
import { periodEnd } from './periods.ts';
import { move, type SubscriptionState } from './subscription-state.ts';
import type { Subscription, SubscriptionEffect, SuspendReason } from './subscription-types.ts';

export interface MoveOptions {
  /** Why a subscription is suspended (admin pause, dunning, tenant suspension). */
  suspendReason?: SuspendReason;
  /** The reaper ending a scheduled cancellation at period end (not effective immediately). */
  atPeriodEnd?: boolean;
}

/** Whether a suspended subscription was paused inside its trial period (it never converted). */
function pausedInTrial(subscription: Subscription): boolean {
  return subscription.trialEndDate !== null && subscription.currentPeriodEnd?.getTime() === subscription.trialEndDate.getTime();
}

/**
 * Where a suspended subscription resumes to: back into its trial while the trial runs,
 * otherwise active (a trial that ended during the pause starts its first paid period at
 * the resumption, not at the trial's end).
 */
export function resumeTarget(subscription: Subscription, now: Date): 'trialing' | 'active' {
  return pausedInTrial(subscription) && (subscription.trialEndDate as Date) > now ? 'trialing' : 'active';
}

export interface Moved {
  next: Subscription;
  effects: SubscriptionEffect[];
}

/** A new period from `now`, as a conversion or a first activation starts one. */
function freshPeriod(subscription: Subscription, now: Date): Pick<Subscription, 'currentPeriodStart' | 'currentPeriodEnd' | 'billingAnchor'> {
  return { currentPeriodStart: now, currentPeriodEnd: periodEnd(now, subscription.billingPeriod), billingAnchor: now };
}

/**
 * One status move of a subscription, as a pure function: the state machine decides
 * whether it is allowed (400 otherwise, nothing changed), this decides what the move
 * sets (periods, cancellation date, past-due and suspension marks) and what it
 * publishes. The store writes `next`, its audit row and the events in one transaction.
 */
export function moveSubscription(subscription: Subscription, to: SubscriptionState, now: Date, options: MoveOptions = {}): Moved {
  const from = subscription.status;
  move(from, to);
  const next: Subscription = { ...subscription, status: to, updatedAt: now };
  const effects: SubscriptionEffect[] = [];
  const firstActivation = subscription.activatedAt === null && (to === 'trialing' || to === 'active');
  if (firstActivation) {
    next.activatedAt = now;
    effects.push({ kind: 'activated' });
  }

  switch (to) {
    case 'trialing':
      if (from === 'suspended') {
        if (resumeTarget(subscription, now) !== 'trialing') throw badRequest('The trial ended while the subscription was suspended; it resumes as active', { from, to, allowed: ['active', 'cancelled'] });
        next.suspendedReason = null;
        effects.push({ kind: 'resumed' });
      }
      break;
    case 'active':
      if (from === 'pending' || from === 'trialing' || (from === 'suspended' && pausedInTrial(subscription))) Object.assign(next, freshPeriod(subscription, now));
      next.pendingCancellationAt = null;
      next.pastDueSince = null;
      next.suspendedReason = null;
      if (from === 'suspended') effects.push({ kind: 'resumed' });
      else if (from === 'cancelling') effects.push({ kind: 'changed', changeKind: 'scheduled_cancellation_undone', previousStatus: from });
      else if (!firstActivation) effects.push({ kind: 'changed', changeKind: 'status_change', previousStatus: from });
      break;
    case 'past_due':
      next.pastDueSince = now;
      effects.push({ kind: 'payment_failed' });
      break;
    case 'suspended':
      next.suspendedReason = options.suspendReason ?? 'admin';
      effects.push({ kind: 'suspended', reason: next.suspendedReason as SuspendReason });
      break;
    case 'cancelling':
      if (!subscription.currentPeriodEnd) throw badRequest('A subscription without a period end is cancelled at once, not at period end');
      next.pendingCancellationAt = subscription.currentPeriodEnd;
      effects.push({ kind: 'changed', changeKind: 'scheduled_cancellation', previousStatus: from });
      break;
    case 'cancelled':
    case 'expired':
      next.cancelledAt = now;
      next.pendingCancellationAt = null;
      effects.push({
        kind: 'cancelled',
        effectiveImmediately: !(options.atPeriodEnd && (from === 'cancelling' || to === 'expired')),
        terminalState: to,
      });
      break;
    case 'pending':
      break;
  }
  return { next, effects };
}
