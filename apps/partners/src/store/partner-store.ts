import { newId, notFound, pageWindow, type PageRequest } from '@scai/api';
import type { Outbox } from '@scai/events';
import type { Reach } from '@scai/permissions';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Partner, PartnerPatch, PartnerStatus, ValidPartnerCreate } from '../domain/partner.ts';
import { SELLER_FIELD_NAMES, SELLER_FIELDS } from '../domain/seller-identity.ts';
import { PartnerEvents } from '../events/event-types.ts';
import { partnerEvent } from '../events/partner-events.ts';
import type { Db } from './prisma.ts';
import { partnerOf } from './records.ts';
import { withClaimedSlug, withUniqueSlug } from './slug-uniqueness.ts';

export interface PartnerListQuery {
  page: PageRequest;
  search?: string;
  status?: PartnerStatus;
}

/** Live partners within reach: a partner-level caller sees only its own. */
function reachablePartners(reach: Reach): Prisma.PartnerWhereInput | null {
  if (reach.level === 'platform') return { deletedAt: null };
  if (reach.level === 'partner') return { deletedAt: null, id: reach.partnerId };
  return null;
}

function searchWhere(search: string | undefined): Prisma.PartnerWhereInput {
  const q = search?.trim();
  if (!q) return {};
  return {
    OR: [
      { id: q },
      { name: { contains: q, mode: 'insensitive' } },
      { slug: { contains: q, mode: 'insensitive' } },
      { contactEmail: { contains: q, mode: 'insensitive' } },
    ],
  };
}

/** Wire names of the fields a patch sets (the `changed` list of `partner.updated`). */
function changedFields(patch: PartnerPatch): string[] {
  const top: [keyof PartnerPatch, string][] = [
    ['name', 'name'],
    ['slug', 'slug'],
    ['status', 'status'],
    ['contactEmail', 'contact_email'],
    ['maxTenants', 'max_tenants'],
    ['maxUsersPerTenant', 'max_users_per_tenant'],
    ['maxApplicationsPerTenant', 'max_applications_per_tenant'],
  ];
  const seller = SELLER_FIELDS.filter((f) => patch.seller?.[f] !== undefined).map((f) => SELLER_FIELD_NAMES[f]);
  return [...top.filter(([key]) => patch[key] !== undefined).map(([, name]) => name), ...seller];
}

function updateData(patch: PartnerPatch): Prisma.PartnerUpdateInput {
  return {
    name: patch.name,
    slug: patch.slug,
    status: patch.status,
    contactEmail: patch.contactEmail,
    maxTenants: patch.maxTenants,
    maxUsersPerTenant: patch.maxUsersPerTenant,
    maxApplicationsPerTenant: patch.maxApplicationsPerTenant,
    ...patch.seller,
  };
}

export type PartnerStore = ReturnType<typeof createPartnerStore>;

/** Partners in PostgreSQL; every write commits with its event in the outbox. */
/** `eventsWritten` runs after a commit that added events (the relay's nudge). */
export function createPartnerStore(db: Db, outbox: Outbox, eventsWritten: () => void = () => {}) {
  async function committed<T>(result: Promise<T>): Promise<T> {
    const value = await result;
    eventsWritten();
    return value;
  }

  async function findLive(tx: Prisma.TransactionClient | Db, reach: Reach, id: string) {
    const where = reachablePartners(reach);
    // AND, not a spread: the reach's own `id` must not be overwritten by the requested one.
    const row = where ? await tx.partner.findFirst({ where: { AND: [where, { id }] } }) : null;
    if (!row) throw notFound('Partner');
    return row;
  }

  return {
    async list(reach: Reach, query: PartnerListQuery): Promise<{ items: Partner[]; total: number }> {
      const scope = reachablePartners(reach);
      if (!scope) return { items: [], total: 0 };
      const where: Prisma.PartnerWhereInput = { AND: [scope, searchWhere(query.search), query.status ? { status: query.status } : {}] };
      const [rows, total] = await db.$transaction([
        db.partner.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(query.page) }),
        db.partner.count({ where }),
      ]);
      return { items: rows.map(partnerOf), total };
    },

    async get(reach: Reach, id: string): Promise<Partner> {
      return partnerOf(await findLive(db, reach, id));
    },

    async create(input: ValidPartnerCreate): Promise<Partner> {
      const { seller, slug: requested, ...fields } = input;
      const takenLike = async (base: string) =>
        (await db.partner.findMany({ where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] }, select: { slug: true } })).map((row) => row.slug);
      return withClaimedSlug({ what: 'Partner', requested, name: input.name, takenLike }, (slug) =>
        committed(db.$transaction(async (tx) => {
          const row = await tx.partner.create({ data: { id: newId('partner'), ...fields, slug, ...seller } });
          const partner = partnerOf(row);
          await outbox.add(tx, partnerEvent(PartnerEvents.created, partner));
          return partner;
        })),
      );
    },

    async update(reach: Reach, id: string, patch: PartnerPatch): Promise<Partner> {
      return withUniqueSlug('Partner', () =>
        committed(db.$transaction(async (tx) => {
          await findLive(tx, reach, id);
          const partner = partnerOf(await tx.partner.update({ where: { id }, data: updateData(patch) }));
          await outbox.add(tx, partnerEvent(PartnerEvents.updated, partner, changedFields(patch)));
          return partner;
        })),
      );
    },

    /** Soft delete; the partner.deleted consumer suspends its tenants. */
    async softDelete(reach: Reach, id: string): Promise<void> {
      await committed(db.$transaction(async (tx) => {
        await findLive(tx, reach, id);
        const partner = partnerOf(await tx.partner.update({ where: { id }, data: { deletedAt: new Date() } }));
        await outbox.add(tx, partnerEvent(PartnerEvents.deleted, partner));
      }));
    },
  };
}
