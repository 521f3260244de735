import type { Clock } from '@scai/clock';
import type { Outbox } from '@scai/events';
import { reachWhere, type Reach } from '@scai/permissions';
import type { Db, Tx } from '../store/prisma.ts';
import type { TenantBillingProfile } from '../generated/prisma/client.ts';
import { billingLinkedEvent, billingUpdatedEvent } from './profile-events.ts';
import { changedFields, FIELD_KEYS, type BillingProfile, type BillingProfileFields } from './profile-fields.ts';

export interface PutOutcome {
  profile: BillingProfile;
  created: boolean;
  changed: string[];
}

export interface ProfileStore {
  /** Inside a transaction, pass its client: a second connection per transaction can exhaust the pool. */
  get(tenantId: string, client?: Db | Tx): Promise<BillingProfile | null>;
  /** Creates or replaces a tenant's profile and writes its event in the same transaction. */
  put(tenant: { id: string; partnerId: string }, fields: BillingProfileFields): Promise<PutOutcome>;
  /** Profiles of the given tenants that the reach covers. */
  listForTenants(reach: Reach, tenantIds: string[]): Promise<BillingProfile[]>;
}

function profileOf(row: TenantBillingProfile): BillingProfile {
  const fields = Object.fromEntries(FIELD_KEYS.map((key) => [key, row[key]])) as unknown as BillingProfileFields;
  return { tenantId: row.tenantId, partnerId: row.partnerId, fields, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function createProfileStore(db: Db, deps: { outbox: Outbox; clock: Clock; eventsWritten: () => void }): ProfileStore {
  return {
    async get(tenantId, client = db) {
      const row = await client.tenantBillingProfile.findUnique({ where: { tenantId } });
      return row ? profileOf(row) : null;
    },

    async put(tenant, fields) {
      const outcome = await db.$transaction(async (tx) => {
        // Two first saves at once must not both announce billing_linked: one waits for the other.
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', `billing_profile:${tenant.id}`);
        const existing = await tx.tenantBillingProfile.findUnique({ where: { tenantId: tenant.id } });
        const now = deps.clock.now();
        if (!existing) {
          const row = await tx.tenantBillingProfile.create({ data: { tenantId: tenant.id, partnerId: tenant.partnerId, ...fields, createdAt: now, updatedAt: now } });
          const profile = profileOf(row);
          await deps.outbox.add(tx, billingLinkedEvent(profile));
          return { profile, created: true, changed: [] };
        }
        const changed = changedFields(profileOf(existing).fields, fields);
        if (changed.length === 0) return { profile: profileOf(existing), created: false, changed };
        const row = await tx.tenantBillingProfile.update({ where: { tenantId: tenant.id }, data: { ...fields, updatedAt: now } });
        const profile = profileOf(row);
        await deps.outbox.add(tx, billingUpdatedEvent(profile, changed));
        return { profile, created: false, changed };
      });
      if (outcome.created || outcome.changed.length > 0) deps.eventsWritten();
      return outcome;
    },

    async listForTenants(reach, tenantIds) {
      const where = reachWhere(reach);
      if (!where || tenantIds.length === 0) return [];
      const rows = await db.tenantBillingProfile.findMany({ where: { ...where, tenantId: { in: tenantIds } } });
      return rows.map(profileOf);
    },
  };
}
