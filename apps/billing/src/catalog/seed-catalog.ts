import type { Logger } from '@scai/telemetry';
import type { Db } from '../store/prisma.ts';
import { packDefinitionOf, planListingOf, planTermsOf, serviceListingOf } from './catalog-file-entries.ts';
import { planKeyOf } from './catalog-types.ts';
import { createCatalogStore } from './catalog-store.ts';
import type { LoadedCatalog } from './load-catalog-file.ts';
import { createPackStore } from './pack-store.ts';

export type SeedOutcome = 'applied' | 'unchanged' | 'older';

/**
 * Applies a catalog file once per version: the same version again changes nothing (an
 * admin's edits stay), a higher version writes the file's entries over them (plans whose
 * terms moved get a new version; entries not in the file are left alone), a lower one is
 * refused. One transaction under an advisory lock, so two instances starting together
 * seed once.
 */
export async function seedCatalog(db: Db, source: string, loaded: LoadedCatalog, logger?: Pick<Logger, 'info' | 'warn'>): Promise<SeedOutcome> {
  const { file, contentHash } = loaded;
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog-seed'), hashtext(${source}))`;
      const seeded = await tx.catalogSeed.findUnique({ where: { source } });
      if (seeded && seeded.version >= file.version) {
        if (seeded.version > file.version) logger?.warn({ source, applied: seeded.version, file: file.version }, 'catalog file is older than the applied version; not applied');
        else if (seeded.contentHash !== contentHash) logger?.warn({ source, version: file.version }, 'catalog file changed without a version bump; not applied');
        return seeded.version > file.version ? 'older' : 'unchanged';
      }
      // The stores' writes below all take `tx`, so they run inside this transaction.
      const catalog = createCatalogStore(db);
      const packs = createPackStore(db);
      for (const service of file.services) {
        const exists = await tx.catalogService.findUnique({ where: { slug: service.slug } });
        if (exists) await catalog.updateService(service.slug, serviceListingOf(service), tx);
        else await catalog.createService(service.slug, serviceListingOf(service), tx);
        for (const plan of service.plans) {
          const planKey = planKeyOf(service.slug, plan.slug);
          const existing = await tx.plan.findUnique({ where: { planKey } });
          if (existing) await catalog.updatePlan(existing.id, planListingOf(plan), planTermsOf(plan), tx);
          else await catalog.createPlan(service.slug, plan.slug, planListingOf(plan), planTermsOf(plan), tx);
        }
      }
      for (const pack of file.packs ?? []) {
        const existing = await tx.servicePack.findUnique({ where: { slug: pack.slug } });
        if (existing) await packs.update(existing.id, packDefinitionOf(pack), tx);
        else await packs.create(pack.slug, packDefinitionOf(pack), tx);
      }
      const row = { version: file.version, contentHash, appliedAt: new Date() };
      await tx.catalogSeed.upsert({ where: { source }, create: { source, ...row }, update: row });
      logger?.info({ source, version: file.version, services: file.services.length, packs: file.packs?.length ?? 0 }, 'catalog file applied');
      return 'applied';
    },
    { timeout: 60_000 },
  );
}
