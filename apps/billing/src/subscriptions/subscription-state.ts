import { badRequest } from '@scai/api';

/** The eight states of a subscription (domain.md "Subscriptions"). */
export const SUBSCRIPTION_STATES = ['pending', 'trialing', 'active', 'past_due', 'cancelling', 'suspended', 'cancelled', 'expired'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/**
 * Every allowed move; anything else is refused. cancelled and expired are final.
 * domain.md's table plus design moves for pauses (an admin's, or a tenant suspended in
 * the partners app): active → suspended, and trialing → suspended with its way back,
 * suspended → trialing, while the trial has not ended (so a paused trial never converts
 * into a paid period behind a suspended customer's back).
 */
const ALLOWED: Record<SubscriptionState, readonly SubscriptionState[]> = {
  pending: ['trialing', 'active', 'cancelled'],
  trialing: ['active', 'cancelled', 'suspended'],
  active: ['past_due', 'cancelling', 'suspended', 'cancelled', 'expired'],
  past_due: ['active', 'suspended', 'cancelled'],
  suspended: ['active', 'cancelled', 'trialing'],
  cancelling: ['cancelled', 'active'],
  cancelled: [],
  expired: [],
};

export const isFinal = (state: SubscriptionState) => ALLOWED[state].length === 0;

export function canMove(from: SubscriptionState, to: SubscriptionState): boolean {
  return ALLOWED[from].includes(to);
}

/** States a subscription counts as live in (one live subscription per tenant and service). */
export const LIVE_STATES: readonly SubscriptionState[] = SUBSCRIPTION_STATES.filter((s) => !isFinal(s));

/** The move, or 400 `bad_request` naming both states (nothing is written by the caller then). */
export function move(from: SubscriptionState, to: SubscriptionState): SubscriptionState {
  if (!canMove(from, to)) {
    throw badRequest(`A subscription cannot go from ${from} to ${to}`, { from, to, allowed: [...ALLOWED[from]] });
  }
  return to;
}
