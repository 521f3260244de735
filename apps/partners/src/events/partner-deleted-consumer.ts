import type { CloudEvent, Consumer, EventBus, SqlClient } from '@scai/events';
import type { Logger } from '@scai/telemetry';
import type { Db, Tx } from '../store/prisma.ts';
import type { TenantStore } from '../store/tenant-store.ts';
import { PartnerEvents } from './event-types.ts';

/** Durable name; also the `consumer` of `processed_events`. */
export const PARTNER_DELETED_DURABLE = 'partners-suspend-tenants-of-deleted-partner';

function partnerIdOf(event: CloudEvent): string | null {
  if (event.partnerid) return event.partnerid;
  const data = event.data as { id?: unknown } | null;
  return typeof data?.id === 'string' ? data.id : null;
}

/**
 * When a partner is deleted, its tenants are suspended: each in this consumer's
 * transaction (with its `tenant.suspended` in the outbox), so a redelivery finds the
 * event recorded and changes nothing.
 */
export function startPartnerDeletedConsumer(deps: { bus: EventBus; db: Db; tenants: TenantStore; logger: Logger }): Promise<Consumer> {
  return deps.bus.consume({
    durable: PARTNER_DELETED_DURABLE,
    filter: PartnerEvents.deleted,
    db: deps.db,
    handler: async (event: CloudEvent, tx: SqlClient) => {
      const partnerId = partnerIdOf(event);
      if (!partnerId) {
        deps.logger.error({ eventId: event.id }, 'partner.deleted without a partner id; ignored');
        return;
      }
      // The consumer runs handlers in `db.$transaction`, so `tx` is this Prisma client's transaction.
      const suspended = await deps.tenants.suspendTenantsOfPartner(tx as Tx, partnerId);
      deps.logger.info({ partnerId, suspended }, 'suspended the tenants of a deleted partner');
    },
  });
}
