import type { CloudEvent, Consumer, EventBus, SqlClient } from '@scai/events';
import type { Logger } from '@scai/telemetry';
import type { PackLifecycle } from '../packs/pack-lifecycle.ts';
import type { PackSubscriptionStore } from '../packs/pack-subscription-store.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { subscriptionOf } from '../subscriptions/subscription-records.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Subscription } from '../subscriptions/subscription-types.ts';
import { moveSubscription, resumeTarget, type Moved } from '../subscriptions/transition.ts';

/** Durable name; also the `consumer` of `processed_events`. */
export const TENANT_STATUS_DURABLE = 'billing-tenant-status';

/** The partners app's tenant events this consumer follows (CloudEvents types). */
const TENANT_EVENTS = { updated: 'scai.partners.tenant.updated', suspended: 'scai.partners.tenant.suspended', deleted: 'scai.partners.tenant.deleted' };

interface TenantEventData {
  id?: string;
  status?: string;
  changed?: string[];
}

/** What a tenant's suspension pauses: what is running or could still start charging. */
const PAUSABLE = ['trialing', 'active', 'past_due'];

/**
 * Whether the tenant's status change pauses or resumes something in `status` (a
 * subscription or a pack); null: it stays. A cancelling one stays: it ends at its period's
 * end anyway, and partners locks the tenant's users out meanwhile.
 */
function targetOf(eventType: string, data: TenantEventData, held: { status: string; suspendedReason: string | null }): 'suspended' | 'active' | null {
  const pausing = eventType === TENANT_EVENTS.suspended || eventType === TENANT_EVENTS.deleted;
  if (pausing && PAUSABLE.includes(held.status)) return 'suspended';
  const reactivated = eventType === TENANT_EVENTS.updated && data.status === 'ACTIVE' && data.changed?.includes('status');
  // Only what the tenant's suspension paused resumes; an admin's or dunning's pause stays.
  if (reactivated && held.status === 'suspended' && held.suspendedReason === 'tenant_suspended') return 'active';
  return null;
}

function reaction(eventType: string, data: TenantEventData, subscription: Subscription, now: Date): Moved | null {
  const to = targetOf(eventType, data, subscription);
  if (!to) return null;
  if (to === 'suspended') return moveSubscription(subscription, to, now, { suspendReason: 'tenant_suspended' });
  // A trial paused by the tenant's suspension goes back into its trial while it runs.
  return moveSubscription(subscription, resumeTarget(subscription, now), now);
}

/**
 * A tenant suspended or deleted in the partners app has its trialing, active and past-due
 * subscriptions and packs suspended (reason `tenant_suspended`; a pack's children with
 * it); reactivated, those resume. Each
 * event is handled in one transaction with its `processed_events` row, so a redelivery
 * changes nothing; the subscriptions' own events go through the outbox in it.
 */
export interface TenantStatusDeps {
  bus: EventBus;
  db: Db;
  store: SubscriptionStore;
  packSubscriptions: PackSubscriptionStore;
  packLifecycle: PackLifecycle;
  now: () => Date;
  logger: Logger;
}

export function startTenantStatusConsumer(deps: TenantStatusDeps): Promise<Consumer> {
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
      const now = deps.now();
      const actor = { id: 'system:tenant-status', reason: event.type };
      let moved = 0;
      const packs = await deps.packSubscriptions.lockForTenant(tx, tenantId, ['active', 'past_due', 'suspended']);
      for (const pack of packs) {
        const to = targetOf(event.type, data, pack);
        if (!to) continue;
        await deps.packLifecycle.move(tx, pack, to, now, actor, to === 'suspended' ? 'tenant_suspended' : undefined);
        moved += 1;
      }
      // A pack's children moved with their pack.
      const rows = await tx.subscription.findMany({ where: { tenantId, packSubscriptionId: null, status: { in: [...PAUSABLE, 'suspended'] } }, orderBy: { id: 'asc' } });
      for (const row of rows) {
        await tx.$queryRawUnsafe('SELECT id FROM subscriptions WHERE id = $1 FOR UPDATE', row.id);
        const before = subscriptionOf(await tx.subscription.findUniqueOrThrow({ where: { id: row.id } }));
        const change = reaction(event.type, data, before, now);
        if (!change) continue;
        await deps.store.write(tx, { before, after: change.next, effects: change.effects, actor, now });
        moved += 1;
      }
      if (moved > 0) deps.logger.info({ tenantId, event: event.type, moved }, 'subscriptions followed their tenant');
    },
  });
}
