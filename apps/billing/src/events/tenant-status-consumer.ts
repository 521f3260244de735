import type { CloudEvent, Consumer, EventBus, SqlClient } from '@scai/events';
import type { Logger } from '@scai/telemetry';
import type { Db, Tx } from '../store/prisma.ts';
import { subscriptionOf } from '../subscriptions/subscription-records.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Subscription } from '../subscriptions/subscription-types.ts';
import { moveSubscription, type Moved } from '../subscriptions/transition.ts';

/** Durable name; also the `consumer` of `processed_events`. */
export const TENANT_STATUS_DURABLE = 'billing-tenant-status';

/** The partners app's tenant events this consumer follows (CloudEvents types). */
const TENANT_EVENTS = { updated: 'scai.partners.tenant.updated', suspended: 'scai.partners.tenant.suspended', deleted: 'scai.partners.tenant.deleted' };

interface TenantEventData {
  id?: string;
  status?: string;
  changed?: string[];
}

/** What the tenant's status change does to one subscription; null: nothing. */
function reaction(eventType: string, data: TenantEventData, subscription: Subscription, now: Date): Moved | null {
  const pausing = eventType === TENANT_EVENTS.suspended || eventType === TENANT_EVENTS.deleted;
  if (pausing && (subscription.status === 'active' || subscription.status === 'past_due')) {
    return moveSubscription(subscription, 'suspended', now, { suspendReason: 'tenant_suspended' });
  }
  const reactivated = eventType === TENANT_EVENTS.updated && data.status === 'ACTIVE' && data.changed?.includes('status');
  // Only what the tenant's suspension paused resumes; an admin's or dunning's pause stays.
  if (reactivated && subscription.status === 'suspended' && subscription.suspendedReason === 'tenant_suspended') {
    return moveSubscription(subscription, 'active', now);
  }
  return null;
}

/**
 * A tenant suspended or deleted in the partners app has its active and past-due
 * subscriptions suspended (reason `tenant_suspended`); reactivated, those resume. Each
 * event is handled in one transaction with its `processed_events` row, so a redelivery
 * changes nothing; the subscriptions' own events go through the outbox in it.
 */
export function startTenantStatusConsumer(deps: { bus: EventBus; db: Db; store: SubscriptionStore; now: () => Date; logger: Logger }): Promise<Consumer> {
  return deps.bus.consume({
    durable: TENANT_STATUS_DURABLE,
    filter: 'scai.partners.tenant.>',
    db: deps.db,
    handler: async (event: CloudEvent, client: SqlClient) => {
      if (!Object.values(TENANT_EVENTS).includes(event.type)) return;
      const data = (event.data ?? {}) as TenantEventData;
      const tenantId = event.tenantid ?? data.id;
      if (!tenantId) return;
      // The consumer runs handlers in `db.$transaction`, so `client` is this Prisma client's transaction.
      const tx = client as Tx;
      const rows = await tx.subscription.findMany({ where: { tenantId, status: { in: ['active', 'past_due', 'suspended'] } }, orderBy: { id: 'asc' } });
      const now = deps.now();
      let moved = 0;
      for (const row of rows) {
        await tx.$queryRawUnsafe('SELECT id FROM subscriptions WHERE id = $1 FOR UPDATE', row.id);
        const before = subscriptionOf(await tx.subscription.findUniqueOrThrow({ where: { id: row.id } }));
        const change = reaction(event.type, data, before, now);
        if (!change) continue;
        await deps.store.write(tx, { before, after: change.next, effects: change.effects, actor: { id: 'system:tenant-status', reason: event.type }, now });
        moved += 1;
      }
      if (moved > 0) deps.logger.info({ tenantId, event: event.type, moved }, 'subscriptions followed their tenant');
    },
  });
}
