import type { Subscription as SubscriptionRow } from '../generated/prisma/client.ts';
import type { BillingPeriod } from '../catalog/vocabulary.ts';
import type { SubscriptionState } from './subscription-state.ts';
import type { Subscription } from './subscription-types.ts';

export function subscriptionOf(row: SubscriptionRow): Subscription {
  return { ...row, status: row.status as SubscriptionState, billingPeriod: row.billingPeriod as BillingPeriod };
}

/** Every column but the key, for an update that writes the whole subscription back. */
export function subscriptionData(subscription: Subscription): Omit<SubscriptionRow, 'id'> {
  const { id: _id, ...rest } = subscription;
  return rest;
}
