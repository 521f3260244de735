import { conflict, newId, notFound } from '@scai/api';
import type { Prisma } from '../generated/prisma/client.ts';
import { conflictOnDuplicate, type Db, type Tx } from '../store/prisma.ts';
import { shown } from './visibility.ts';
import { planInclude, planOf, serviceOf } from './catalog-records.ts';
import { planKeyOf, type CatalogService, type Plan, type PlanListing, type PlanTerms, type PricingTier, type ServiceListing } from './catalog-types.ts';
import { sameTerms } from './plan-terms.ts';

export interface PlanQuery {
  service?: string;
  tier?: string;
  includeHidden: boolean;
}

type Client = Db | Tx;

const json = (value: unknown) => value as Prisma.InputJsonValue;

function versionData(terms: PlanTerms, version: number): Prisma.PlanVersionCreateWithoutPlanInput {
  return {
    id: newId('planVersion'),
    version,
    billingPeriod: terms.billingPeriod,
    basePriceCents: terms.basePriceCents,
    currency: terms.currency,
    features: json(terms.features),
    quotas: json(terms.quotas),
    trialDays: terms.trialDays,
    pricingTiers: { create: terms.pricingTiers.map((tier: PricingTier) => ({ id: newId('pricingTier'), ...tier })) },
  };
}

function listingData(listing: Partial<PlanListing>): Prisma.PlanUpdateInput {
  return { ...listing, metadata: listing.metadata === undefined ? undefined : json(listing.metadata) };
}

async function packSlugsByService(db: Client, serviceIds: string[], includeHidden: boolean): Promise<Map<string, string[]>> {
  const items = await db.packItem.findMany({
    where: { plan: { serviceId: { in: serviceIds } }, pack: shown(includeHidden) },
    select: { pack: { select: { slug: true } }, plan: { select: { serviceId: true } } },
  });
  const bySlug = new Map<string, string[]>();
  for (const item of items) {
    const list = bySlug.get(item.plan.serviceId) ?? [];
    if (!list.includes(item.pack.slug)) list.push(item.pack.slug);
    bySlug.set(item.plan.serviceId, list.sort());
  }
  return bySlug;
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

/**
 * Services and plans in PostgreSQL. A plan's terms (price, currency, period, features,
 * quotas, trial, usage tiers) are written as a new version, never updated in place.
 */
export function createCatalogStore(db: Db) {
  async function findPlanRow(client: Client, keyOrId: string, includeHidden: boolean) {
    const row = await client.plan.findFirst({
      where: { AND: [{ OR: [{ id: keyOrId }, { planKey: keyOrId }] }, shown(includeHidden), includeHidden ? {} : { service: shown(false) }] },
      include: planInclude,
    });
    if (!row) throw notFound('Plan');
    return row;
  }

  async function services(client: Client, where: Prisma.CatalogServiceWhereInput, includeHidden: boolean): Promise<CatalogService[]> {
    const rows = await client.catalogService.findMany({
      where: { AND: [where, shown(includeHidden)] },
      include: { plans: { where: shown(includeHidden), include: planInclude, orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }] } },
      orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    });
    const packs = await packSlugsByService(client, rows.map((r) => r.id), includeHidden);
    return rows.map((row) => serviceOf(row, row.plans.map(planOf), packs.get(row.id) ?? []));
  }

  const store = {
    listServices: (includeHidden: boolean) => services(db, {}, includeHidden),

    async getService(slug: string, includeHidden: boolean, client: Client = db): Promise<CatalogService> {
      const [service] = await services(client, { slug }, includeHidden);
      if (!service) throw notFound('Service');
      return service;
    },

    async createService(slug: string, listing: ServiceListing, client: Client = db): Promise<CatalogService> {
      const taken = `A service with slug "${slug}" already exists`;
      if (await client.catalogService.findUnique({ where: { slug } })) throw conflict(taken);
      await conflictOnDuplicate(taken, () => client.catalogService.create({ data: { id: newId('catalogService'), slug, ...listing, metadata: json(listing.metadata) } }));
      return store.getService(slug, true, client);
    },

    async updateService(slug: string, patch: Partial<ServiceListing>, client: Client = db): Promise<CatalogService> {
      const found = await client.catalogService.findUnique({ where: { slug } });
      if (!found) throw notFound('Service');
      await client.catalogService.update({ where: { slug }, data: { ...patch, metadata: patch.metadata === undefined ? undefined : json(patch.metadata) } });
      return store.getService(slug, true, client);
    },

    async listPlans(query: PlanQuery): Promise<Plan[]> {
      const rows = await db.plan.findMany({
        where: {
          AND: [shown(query.includeHidden), query.includeHidden ? {} : { service: shown(false) }, query.service ? { service: { slug: query.service } } : {}, query.tier ? { tier: query.tier } : {}],
        },
        include: planInclude,
        orderBy: [{ service: { sortOrder: 'asc' } }, { service: { slug: 'asc' } }, { sortOrder: 'asc' }, { slug: 'asc' }],
      });
      return rows.map(planOf);
    },

    getPlan: async (keyOrId: string, includeHidden: boolean, client: Client = db): Promise<Plan> => planOf(await findPlanRow(client, keyOrId, includeHidden)),

    async createPlan(serviceId: string, slug: string, listing: PlanListing, terms: PlanTerms, client: Client = db): Promise<Plan> {
      const service = await client.catalogService.findFirst({ where: { OR: [{ id: serviceId }, { slug: serviceId }] } });
      if (!service) throw notFound('Service');
      const planKey = planKeyOf(service.slug, slug);
      const taken = `A plan with key "${planKey}" already exists`;
      if (await client.plan.findUnique({ where: { planKey } })) throw conflict(taken);
      const row = await conflictOnDuplicate(taken, () =>
        client.plan.create({
          data: { id: newId('plan'), serviceId: service.id, slug, planKey, ...listing, metadata: json(listing.metadata), versions: { create: versionData(terms, 1) } },
          include: planInclude,
        }),
      );
      return planOf(row);
    },

    /** Listing fields change in place; changed terms add version n + 1. */
    async updatePlan(id: string, listing: Partial<PlanListing>, terms: Partial<PlanTerms>, client: Client = db): Promise<Plan> {
      const current = planOf(await findPlanRow(client, id, true));
      const next: PlanTerms = { ...current, ...terms };
      await client.plan.update({
        where: { id: current.id },
        data: {
          ...listingData(listing),
          // Touch the row so updated_at moves when only the terms changed.
          updatedAt: new Date(),
          versions: sameTerms(current, next) ? undefined : { create: versionData(next, current.version + 1) },
        },
      });
      return store.getPlan(current.id, true, client);
    },
  };
  return store;
}
