import type { billing } from '@scai/proto';
import { packMrrOf } from '../packs/pack-subscription-events.ts';
import type { PackSubscription } from '../packs/pack-subscription-types.ts';
import { subscriptionToProto } from './subscription-codec.ts';

export function packSubscriptionToProto(pack: PackSubscription): billing.v1.PackSubscription {
  return {
    id: pack.id,
    tenantId: pack.tenantId,
    partnerId: pack.partnerId,
    packId: pack.packId,
    packSlug: pack.packSlug,
    status: pack.status,
    priceCents: pack.priceCents,
    currency: pack.currency,
    billingPeriod: pack.billingPeriod,
    mrrCents: packMrrOf(pack),
    currentPeriodStart: pack.currentPeriodStart.toISOString(),
    currentPeriodEnd: pack.currentPeriodEnd?.toISOString(),
    cancelledAt: pack.cancelledAt?.toISOString(),
    children: pack.children.map(subscriptionToProto),
    createdAt: pack.createdAt.toISOString(),
    updatedAt: pack.updatedAt.toISOString(),
    suspendedReason: pack.suspendedReason ?? undefined,
  };
}
