import { newId, notFound, pageWindow, type PageRequest } from '@scai/api';
import type { Outbox } from '@scai/events';
import type { Reach } from '@scai/permissions';
import type { Prisma } from '../generated/prisma/client.ts';
import { tenantScope } from '../domain/access.ts';
import { assertCanAddTenant } from '../domain/tenant-quota.ts';
import { validateTenantPatch, type Tenant, type TenantPatch, type TenantStatus, type ValidTenantCreate } from '../domain/tenant.ts';
import { TenantEvents } from '../events/event-types.ts';
import { tenantEvent } from '../events/tenant-events.ts';
import type { Db, Tx } from './prisma.ts';
import { tenantOf } from './records.ts';
import { withClaimedSlug, withUniqueSlug } from './slug-uniqueness.ts';

export interface TenantListQuery {
  page: PageRequest;
  /** Over name, contact e-mail, id and slug. */
  q?: string;
  partnerId?: string;
  status?: TenantStatus;
}

/** Live tenants within reach, or null when nothing is reachable. */
function reachableTenants(reach: Reach): Prisma.TenantWhereInput | null {
  const scope = tenantScope(reach);
  return scope ? { deletedAt: null, ...scope } : null;
}

function searchWhere(q: string | undefined): Prisma.TenantWhereInput {
  const term = q?.trim();
  if (!term) return {};
  return {
    OR: [
      { id: term },
      { name: { contains: term, mode: 'insensitive' } },
      { slug: { contains: term, mode: 'insensitive' } },
      { contactEmail: { contains: term, mode: 'insensitive' } },
    ],
  };
}

const PATCH_NAMES: [keyof TenantPatch, string][] = [
  ['name', 'name'],
  ['slug', 'slug'],
  ['status', 'status'],
  ['contactEmail', 'contact_email'],
  ['partnerId', 'partner_id'],
  ['settings', 'settings'],
  ['branding', 'branding'],
];

/**
 * Locks the receiving partner's row for the rest of the transaction, so two concurrent
 * creations cannot both pass the `max_tenants` check, then applies the quota rule.
 */
async function reserveTenantSlot(tx: Tx, partnerId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM partners WHERE id = ${partnerId} FOR UPDATE`;
  const partner = await tx.partner.findUnique({ where: { id: partnerId } });
  const live = partner ? await tx.tenant.count({ where: { partnerId, deletedAt: null } }) : 0;
  assertCanAddTenant(partner, live);
}

export type TenantStore = ReturnType<typeof createTenantStore>;

/** Tenants in PostgreSQL; every query takes the caller's reach, every write its event. */
/** `eventsWritten` runs after a commit that added events (the relay's nudge). */
export function createTenantStore(db: Db, outbox: Outbox, eventsWritten: () => void = () => {}) {
  async function committed<T>(result: Promise<T>): Promise<T> {
    const value = await result;
    eventsWritten();
    return value;
  }

  async function findLive(tx: Tx | Db, reach: Reach, id: string) {
    const scope = reachableTenants(reach);
    const row = scope ? await tx.tenant.findFirst({ where: { AND: [scope, { id }] } }) : null;
    if (!row) throw notFound('Tenant');
    return row;
  }

  return {
    async list(reach: Reach, query: TenantListQuery): Promise<{ items: Tenant[]; total: number }> {
      const scope = reachableTenants(reach);
      if (!scope) return { items: [], total: 0 };
      const where: Prisma.TenantWhereInput = {
        AND: [
          scope,
          searchWhere(query.q),
          query.partnerId ? { partnerId: query.partnerId } : {},
          query.status ? { status: query.status } : {},
        ],
      };
      const [rows, total] = await db.$transaction([
        db.tenant.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(query.page) }),
        db.tenant.count({ where }),
      ]);
      return { items: rows.map(tenantOf), total };
    },

    async get(reach: Reach, id: string): Promise<Tenant> {
      return tenantOf(await findLive(db, reach, id));
    },

    /** For the auth app's tenant issuers; the caller has been checked as internal. */
    async getBySlug(slug: string): Promise<Tenant> {
      const row = await db.tenant.findFirst({ where: { slug, deletedAt: null } });
      if (!row) throw notFound('Tenant');
      return tenantOf(row);
    },

    /** `partnerId` has been resolved within the caller's reach. */
    async create(partnerId: string, input: ValidTenantCreate): Promise<Tenant> {
      const takenLike = async (base: string) =>
        (await db.tenant.findMany({ where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] }, select: { slug: true } })).map((row) => row.slug);
      return withClaimedSlug({ what: 'Tenant', requested: input.slug, name: input.name, takenLike }, (slug) =>
        committed(db.$transaction(async (tx) => {
          await reserveTenantSlot(tx, partnerId);
          const row = await tx.tenant.create({
            data: {
              id: newId('tenant'),
              partnerId,
              name: input.name,
              slug,
              contactEmail: input.contactEmail,
              settings: input.settings,
              branding: input.branding,
            },
          });
          const tenant = tenantOf(row);
          await outbox.add(tx, tenantEvent(TenantEvents.created, tenant));
          return tenant;
        })),
      );
    },

    /**
     * Applies a PATCH: settings and branding merge over the current values. A move to
     * another partner (already authorized) takes a slot of that partner's quota.
     */
    async update(reach: Reach, id: string, patch: TenantPatch): Promise<Tenant> {
      return withUniqueSlug('Tenant', () =>
        committed(db.$transaction(async (tx) => {
          const current = await findLive(tx, reach, id);
          const valid = validateTenantPatch(patch, current);
          const moving = valid.partnerId !== undefined && valid.partnerId !== current.partnerId;
          if (moving) await reserveTenantSlot(tx, valid.partnerId as string);
          const row = await tx.tenant.update({
            where: { id },
            data: {
              name: valid.name,
              slug: valid.slug,
              status: valid.status,
              contactEmail: valid.contactEmail,
              partnerId: moving ? valid.partnerId : undefined,
              settings: valid.settings,
              branding: valid.branding,
            },
          });
          const tenant = tenantOf(row);
          const changed = PATCH_NAMES.filter(([key]) => patch[key] !== undefined).map(([, name]) => name);
          await outbox.add(tx, tenantEvent(TenantEvents.updated, tenant, { changed }));
          if (current.status !== 'SUSPENDED' && tenant.status === 'SUSPENDED') {
            await outbox.add(tx, tenantEvent(TenantEvents.suspended, tenant, { reason: 'admin' }));
          }
          return tenant;
        })),
      );
    },

    async softDelete(reach: Reach, id: string): Promise<void> {
      await committed(db.$transaction(async (tx) => {
        await findLive(tx, reach, id);
        const tenant = tenantOf(await tx.tenant.update({ where: { id }, data: { deletedAt: new Date() } }));
        await outbox.add(tx, tenantEvent(TenantEvents.deleted, tenant));
      }));
    },

    /**
     * Suspends the live, active tenants of a deleted partner, inside the caller's
     * (the consumer's) transaction, one `tenant.suspended` each. Already suspended
     * tenants are left alone, so running it twice changes nothing.
     */
    async suspendTenantsOfPartner(tx: Tx, partnerId: string): Promise<number> {
      const rows = await tx.tenant.findMany({ where: { partnerId, deletedAt: null, status: 'ACTIVE' } });
      for (const row of rows) {
        const tenant = tenantOf(await tx.tenant.update({ where: { id: row.id }, data: { status: 'SUSPENDED' } }));
        await outbox.add(tx, tenantEvent(TenantEvents.suspended, tenant, { reason: 'partner_deleted' }));
      }
      return rows.length;
    },
  };
}
