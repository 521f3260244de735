import type { BillingPeriod } from '../catalog/vocabulary.ts';
import type { SubscriptionState } from './subscription-state.ts';

export interface Subscription {
  id: string;
  tenantId: string;
  partnerId: string;
  serviceId: string;
  serviceSlug: string;
  planId: string;
  planVersionId: string;
  planVersion: number;
  planKey: string;
  status: SubscriptionState;
  quantity: number;
  unitPriceCents: number;
  currency: string;
  billingPeriod: BillingPeriod;
  trialEndDate: Date | null;
  currentPeriodStart: Date;
  currentPeriodEnd: Date | null;
  /** Where the paid periods are counted from (periods.ts `boundaryAfter`). */
  billingAnchor: Date;
  pendingCancellationAt: Date | null;
  pastDueSince: Date | null;
  cancelledAt: Date | null;
  suspendedReason: string | null;
  /** First entry into trialing or active: `subscription.activated` is published once. */
  activatedAt: Date | null;
  packSubscriptionId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The `change_kind` of `subscription.changed` (domain.md). */
export type ChangeKind = 'plan_change' | 'quantity_change' | 'renewal' | 'scheduled_cancellation' | 'scheduled_cancellation_undone' | 'status_change';

/** Why a subscription was suspended, so a resume undoes only its own kind of pause. */
export type SuspendReason = 'admin' | 'dunning' | 'tenant_suspended';

/** What a move publishes; each becomes one CloudEvent (subscription-events.ts). */
export type SubscriptionEffect =
  | { kind: 'activated' }
  | { kind: 'changed'; changeKind: ChangeKind; previousStatus: SubscriptionState; previousPlanKey?: string }
  | { kind: 'cancelled'; effectiveImmediately: boolean; terminalState: 'cancelled' | 'expired' }
  | { kind: 'suspended'; reason: SuspendReason }
  | { kind: 'resumed' }
  | { kind: 'payment_failed' }
  | { kind: 'trial_ending'; daysLeft: number };

/** Who made a change, for the audit trail: a user or app id, or `system:<job>`. */
export interface Actor {
  id: string;
  reason?: string;
}
