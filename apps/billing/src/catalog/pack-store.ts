import { IssueList, newId, notFound, conflict, type PageRequest, pageWindow } from '@scai/api';
import type { Prisma } from '../generated/prisma/client.ts';
import { conflictOnDuplicate, type Db, type Tx } from '../store/prisma.ts';
import { shown } from './visibility.ts';
import { packInclude, packOf } from './catalog-records.ts';
import type { PackDefinition, ServicePack } from './catalog-types.ts';

type Client = Db | Tx;

/** Pack items name plans by key; each must exist and be sold in the pack's currency. */
async function itemRows(client: Client, definition: PackDefinition): Promise<Prisma.PackItemCreateWithoutPackInput[]> {
  const issues = new IssueList();
  const rows: Prisma.PackItemCreateWithoutPackInput[] = [];
  const seen = new Set<string>();
  for (const [position, item] of definition.items.entries()) {
    const plan = await client.plan.findUnique({ where: { planKey: item.planKey }, include: { versions: { orderBy: { version: 'desc' }, take: 1 } } });
    if (!plan) {
      issues.add(['items', position, 'plan_key'], `no plan ${item.planKey}`);
      continue;
    }
    if (seen.has(plan.id)) issues.add(['items', position, 'plan_key'], `${item.planKey} appears twice`);
    seen.add(plan.id);
    if (plan.versions[0]?.currency !== definition.currency) issues.add(['items', position, 'plan_key'], `${item.planKey} is not sold in ${definition.currency}`);
    rows.push({ id: newId('packItem'), plan: { connect: { id: plan.id } }, overridePriceCents: item.overridePriceCents, position });
  }
  issues.throwIfAny();
  return rows;
}

function packData(d: Omit<PackDefinition, 'items'>) {
  return {
    name: d.name,
    description: d.description,
    discountType: d.discountType,
    basePriceCents: d.basePriceCents,
    discountPercent: d.discountPercent,
    currency: d.currency,
    billingPeriod: d.billingPeriod,
    isActive: d.isActive,
    isPublic: d.isPublic,
    sortOrder: d.sortOrder,
    metadata: d.metadata as Prisma.InputJsonValue,
  };
}

export type PackStore = ReturnType<typeof createPackStore>;

/** Service packs: a bundle of plans sold as one line. Deleting only deactivates (sold packs stay readable). */
export function createPackStore(db: Db) {
  async function find(client: Client, slugOrId: string, includeHidden: boolean): Promise<ServicePack> {
    const row = await client.servicePack.findFirst({ where: { AND: [{ OR: [{ id: slugOrId }, { slug: slugOrId }] }, shown(includeHidden)] }, include: packInclude });
    if (!row) throw notFound('Service pack');
    return packOf(row);
  }

  return {
    get: (slugOrId: string, includeHidden: boolean, client: Client = db) => find(client, slugOrId, includeHidden),

    async list(includeHidden: boolean, page: PageRequest): Promise<{ items: ServicePack[]; total: number }> {
      const where = shown(includeHidden);
      const [rows, total] = await Promise.all([
        db.servicePack.findMany({ where, include: packInclude, orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }], ...pageWindow(page) }),
        db.servicePack.count({ where }),
      ]);
      return { items: rows.map(packOf), total };
    },

    async create(slug: string, definition: PackDefinition, client: Client = db): Promise<ServicePack> {
      const taken = `A service pack with slug "${slug}" already exists`;
      if (await client.servicePack.findUnique({ where: { slug } })) throw conflict(taken);
      const id = newId('servicePack');
      const items = await itemRows(client, definition);
      await conflictOnDuplicate(taken, () => client.servicePack.create({ data: { id, slug, ...packData(definition), items: { create: items } } }));
      return find(client, id, true);
    },

    async update(id: string, patch: Partial<PackDefinition>, client: Client = db): Promise<ServicePack> {
      const current = await find(client, id, true);
      const { items, ...fields } = patch;
      const merged: PackDefinition = {
        ...current,
        ...fields,
        items: items ?? current.items.map((i) => ({ planKey: i.planKey, overridePriceCents: i.overridePriceCents })),
      };
      const rows = await itemRows(client, merged);
      await client.servicePack.update({
        where: { id: current.id },
        data: { ...packData(merged), items: items || fields.currency ? { deleteMany: {}, create: rows } : undefined },
      });
      return find(client, current.id, true);
    },

    async deactivate(id: string): Promise<void> {
      const current = await find(db, id, true);
      await db.servicePack.update({ where: { id: current.id }, data: { isActive: false } });
    },
  };
}
