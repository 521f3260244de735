import type { BillingPeriod } from '../catalog/vocabulary.ts';
import type { SubscriptionState } from '../subscriptions/subscription-state.ts';
import type { Subscription } from '../subscriptions/subscription-types.ts';

export interface PackSubscription {
  id: string;
  tenantId: string;
  partnerId: string;
  packId: string;
  packSlug: string;
  status: SubscriptionState;
  priceCents: number;
  currency: string;
  billingPeriod: BillingPeriod;
  currentPeriodStart: Date;
  currentPeriodEnd: Date | null;
  /** Where the pack's periods are counted from; its children share it. */
  billingAnchor: Date;
  cancelledAt: Date | null;
  /** Set while suspended: why, so a resume undoes only its own kind of pause. */
  suspendedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  children: Subscription[];
}
