import { createEvent, type CloudEvent } from '@scai/events';
import { monthlyRecurringMinor } from '@scai/money';
import { BILLING_EVENT_SOURCE } from '../profiles/profile-events.ts';
import type { PackSubscription } from './pack-subscription-types.ts';

/** CloudEvents types; webhook subscribers know them as `pack_subscription.<kind>.v1`. */
export const PackSubscriptionEvents = {
  activated: 'scai.billing.pack_subscription.activated',
  changed: 'scai.billing.pack_subscription.changed',
  cancelled: 'scai.billing.pack_subscription.cancelled',
} as const;

/** What the pack adds to the tenant's monthly recurring revenue (0 once it has ended); its children add nothing. */
export function packMrrOf(pack: Pick<PackSubscription, 'status' | 'priceCents' | 'billingPeriod'>): number {
  if (pack.status === 'cancelled' || pack.status === 'expired') return 0;
  return monthlyRecurringMinor(pack.priceCents, pack.billingPeriod);
}

function snapshot(pack: PackSubscription, at: Date) {
  return {
    pack_subscription_id: pack.id,
    owner_kind: 'tenant' as const,
    tenant_id: pack.tenantId,
    partner_id: pack.partnerId,
    pack_slug: pack.packSlug,
    status: pack.status,
    price_cents: pack.priceCents,
    currency: pack.currency,
    billing_period: pack.billingPeriod,
    mrr_amount_cents: packMrrOf(pack),
    // What the pack provisions: one subscription per service, priced by the pack.
    children: pack.children.map((child) => ({ subscription_id: child.id, service_slug: child.serviceSlug, plan_key: child.planKey, status: child.status })),
    occurred_at: at.toISOString(),
  };
}

const envelope = (type: string, pack: PackSubscription, data: Record<string, unknown>): CloudEvent =>
  createEvent({ source: BILLING_EVENT_SOURCE, type, subject: pack.id, data, tenantId: pack.tenantId, partnerId: pack.partnerId });

export const packActivatedEvent = (pack: PackSubscription, at: Date) => envelope(PackSubscriptionEvents.activated, pack, snapshot(pack, at));

export const packCancelledEvent = (pack: PackSubscription, at: Date) =>
  envelope(PackSubscriptionEvents.cancelled, pack, { ...snapshot(pack, at), effective_immediately: true, terminal_state: 'cancelled', cancelled_at: pack.cancelledAt?.toISOString() ?? null });



/** `change_kind` of `pack_subscription.changed`. */
export type PackChangeKind = 'suspended' | 'resumed' | 'renewal';

export const packChangedEvent = (pack: PackSubscription, changeKind: PackChangeKind, previousStatus: string, at: Date) =>
  envelope(PackSubscriptionEvents.changed, pack, {
    ...snapshot(pack, at),
    change_kind: changeKind,
    previous_status: previousStatus,
    suspended_reason: pack.suspendedReason,
    current_period_start: pack.currentPeriodStart.toISOString(),
    current_period_end: pack.currentPeriodEnd?.toISOString() ?? null,
  });
