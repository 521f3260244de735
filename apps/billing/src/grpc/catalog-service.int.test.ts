import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { billing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadCatalogFile } from '../catalog/load-catalog-file.ts';
import { seedCatalog } from '../catalog/seed-catalog.ts';
import { DEFAULT_CATALOG_FILE, loadBillingConfig } from '../config.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { callerWith } from '../testing/callers.ts';

const root = { caller: callerWith('super_admin') };
const member = { caller: callerWith('tenant_member', { tenantId: 'tnt_a', partnerId: 'prt_p' }) };
const partnerAdmin = { caller: callerWith('partner_admin', { partnerId: 'prt_p' }) };
const anonymous = { caller: null };

const planFields = (overrides: Partial<billing.v1.PlanFields> = {}): billing.v1.PlanFields => ({
  name: 'Team',
  tier: 'starter',
  billingPeriod: 'monthly',
  basePriceCents: 990,
  currency: 'EUR',
  hasFeatures: true,
  featureItems: ['One thing'],
  featureUnit: 'seat',
  hasQuotas: true,
  quotas: [{ metric: 'tokens', limit: 1000 }],
  trialDays: 7,
  ...overrides,
});

/** A patch: only what is given changes (the repeated fields stay off unless their flag is set). */
const patchFields = (fields: Partial<billing.v1.PlanFields>): billing.v1.PlanFields => ({
  hasFeatures: false,
  featureItems: [],
  featureUnit: '',
  hasQuotas: false,
  quotas: [],
  ...fields,
});

const packFields = (fields: Partial<billing.v1.PackFields>): billing.v1.PackFields => ({ hasItems: false, items: [], ...fields });

describe('billing catalog over gRPC', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let catalog: BoundClient<billing.v1.CatalogServiceClient>;
  let packs: BoundClient<billing.v1.ServicePacksServiceClient>;
  let prisma: Db;
  const closers: Array<() => void> = [];

  beforeAll(async () => {
    service = await startTestService({ name: 'billing', createApp: (env, logger) => createApp(loadBillingConfig(env), { logger }) });
    const catalogClient = createChannelClient(billing.v1.CatalogServiceClient, service.grpcAddress);
    const packsClient = createChannelClient(billing.v1.ServicePacksServiceClient, service.grpcAddress);
    closers.push(() => catalogClient.close(), () => packsClient.close());
    catalog = bindClient(catalogClient);
    packs = bindClient(packsClient);
    prisma = createPrisma(service.databaseUrl);
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('starts with the default catalog: public entries for anyone, hidden ones for admins only', async () => {
    const { services } = await catalog.listServices({ includeHidden: false }, anonymous);
    expect(services.map((s) => s.slug)).toEqual(['scai-chat', 'scai-docs']);
    const docs = services.find((s) => s.slug === 'scai-docs');
    expect(docs?.plans.map((p) => p.planKey)).toEqual(['scai-docs.trial', 'scai-docs.pro']);
    expect(docs?.packSlugs).toEqual(['productivity-suite']);
    await expect(catalog.listServices({ includeHidden: true }, member)).rejects.toMatchObject({ code: 'forbidden' });
    const hidden = await catalog.listServices({ includeHidden: true }, root);
    expect(hidden.services.find((s) => s.slug === 'scai-docs')?.plans.map((p) => p.slug)).toContain('enterprise');
    await expect(catalog.getPlan({ keyOrId: 'scai-docs.enterprise' }, member)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads a plan by key or id with its usage tiers and its MRR', async () => {
    const { plan } = await catalog.getPlan({ keyOrId: 'scai-chat.enterprise' }, member);
    expect(plan).toMatchObject({ basePriceCents: 299000, currency: 'EUR', billingPeriod: 'yearly', mrrCents: 24917, version: 1, trialDays: 30 });
    expect(plan?.pricingTiers).toEqual([{ metric: 'tokens', tierStart: 0, tierEnd: undefined, unitPriceCents: 18, unitLabel: '1,000 tokens', unitDivisor: 1000 }]);
    expect((await catalog.getPlan({ keyOrId: plan!.id }, member)).plan?.planKey).toBe('scai-chat.enterprise');
    await expect(catalog.getPlan({ keyOrId: 'scai-chat.pro' }, anonymous)).rejects.toMatchObject({ code: 'unauthorized' });
    const { plans } = await catalog.listPlans({ tier: 'pro', includeHidden: false }, member);
    expect(plans.map((p) => p.planKey)).toEqual(['scai-chat.pro', 'scai-docs.pro']);
  });

  it('prices the default pack from its items: (2900 + 1900) less 15 %', async () => {
    const { pack } = await packs.getPack({ slugOrId: 'productivity-suite', includeHidden: false }, member);
    expect(pack?.price).toEqual({ amountCents: 4080, currency: 'EUR' });
    expect(pack?.listPrice).toEqual({ amountCents: 4800, currency: 'EUR' });
    expect(pack?.items.map((i) => i.planKey)).toEqual(['scai-chat.pro', 'scai-docs.pro']);
  });

  it('versions a plan when its terms change, and only then', async () => {
    const { service: created } = await catalog.createService({ slug: 'scai-voice', fields: { name: 'ScaiVoice' } }, root);
    const { plan } = await catalog.createPlan({ serviceId: created!.id, slug: 'team', fields: planFields(), pricingTiers: [] }, root);
    expect(plan).toMatchObject({ planKey: 'scai-voice.team', version: 1, basePriceCents: 990 });
    const renamed = await catalog.updatePlan({ id: plan!.id, fields: patchFields({ name: 'Team plan' }) }, root);
    expect(renamed.plan).toMatchObject({ name: 'Team plan', version: 1 });
    const repriced = await catalog.updatePlan({ id: plan!.id, fields: patchFields({ basePriceCents: 1290 }) }, root);
    expect(repriced.plan).toMatchObject({ version: 2, basePriceCents: 1290, trialDays: 7 });
    const tiers = [
      { metric: 'minutes', tierStart: 0, tierEnd: 100, unitPriceCents: 0, unitLabel: 'minute', unitDivisor: 1 },
      { metric: 'minutes', tierStart: 100, unitPriceCents: 4, unitLabel: 'minute', unitDivisor: 1 },
    ];
    const tiered = await catalog.replacePricingTiers({ id: plan!.id, pricingTiers: tiers }, root);
    expect(tiered.plan).toMatchObject({ version: 3 });
    // The versions sold before stay as they were.
    const versions = await prisma.planVersion.findMany({ where: { planId: plan!.id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.basePriceCents)).toEqual([990, 1290, 1290]);
  });

  it('refuses bad input with every problem named and nothing written', async () => {
    const before = await prisma.plan.count();
    const { service: svc } = await catalog.getService({ slug: 'scai-chat' }, member);
    await expect(
      catalog.createPlan({ serviceId: svc!.id, slug: 'Bad Slug', fields: planFields({ basePriceCents: -1, currency: 'XYZ', tier: 'gold' }), pricingTiers: [] }, root),
    ).rejects.toMatchObject({
      code: 'validation_error',
      issues: expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'slug'] }),
        expect.objectContaining({ loc: ['body', 'base_price_cents'] }),
        expect.objectContaining({ loc: ['body', 'currency'] }),
        expect.objectContaining({ loc: ['body', 'tier'] }),
      ]),
    });
    const gap = [
      { metric: 'tokens', tierStart: 0, tierEnd: 100, unitPriceCents: 1, unitLabel: 't', unitDivisor: 1 },
      { metric: 'tokens', tierStart: 200, unitPriceCents: 1, unitLabel: 't', unitDivisor: 1 },
    ];
    await expect(catalog.createPlan({ serviceId: svc!.id, slug: 'gappy', fields: planFields(), pricingTiers: gap }, root)).rejects.toMatchObject({
      code: 'validation_error',
      issues: [expect.objectContaining({ loc: ['body', 'pricing_tiers', 1, 'tier_start'] })],
    });
    await expect(catalog.createPlan({ serviceId: svc!.id, slug: 'pro', fields: planFields(), pricingTiers: [] }, root)).rejects.toMatchObject({ code: 'conflict' });
    await expect(catalog.createPlan({ serviceId: 'svc_nope', slug: 'x', fields: planFields(), pricingTiers: [] }, root)).rejects.toMatchObject({ code: 'not_found' });
    expect(await prisma.plan.count()).toBe(before);
  });

  it('leaves catalog writes to the platform', async () => {
    const { plan } = await catalog.getPlan({ keyOrId: 'scai-chat.pro' }, member);
    const patch = { id: plan!.id, fields: patchFields({ basePriceCents: 1 }) };
    await expect(catalog.updatePlan(patch, partnerAdmin)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(catalog.updatePlan(patch, member)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(catalog.createService({ slug: 'x', fields: { name: 'X' } }, partnerAdmin)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await catalog.getPlan({ keyOrId: 'scai-chat.pro' }, member)).plan?.basePriceCents).toBe(2900);
  });

  it('creates, edits and retires packs, checking their items', async () => {
    const fields = packFields({ name: 'Voice + Chat', discountType: 'fixed_price', basePriceCents: 3500, currency: 'EUR', billingPeriod: 'monthly', hasItems: true, items: [{ planKey: 'scai-chat.pro' }, { planKey: 'scai-voice.team', overridePriceCents: 900 }] });
    const { pack } = await packs.createPack({ slug: 'voice-chat', fields }, root);
    expect(pack?.price).toEqual({ amountCents: 3500, currency: 'EUR' });
    const pct = await packs.updatePack({ id: pack!.id, fields: packFields({ discountType: 'percentage', discountPercent: '10' }) }, root);
    // (2900 + 900) × 0.9
    expect(pct.pack?.price).toEqual({ amountCents: 3420, currency: 'EUR' });
    await expect(packs.createPack({ slug: 'bad', fields: { ...fields, items: [{ planKey: 'nope.plan' }] } }, root)).rejects.toMatchObject({
      code: 'validation_error',
      issues: [expect.objectContaining({ loc: ['body', 'items', 0, 'plan_key'] })],
    });
    await expect(packs.createPack({ slug: 'x', fields }, partnerAdmin)).rejects.toMatchObject({ code: 'forbidden' });
    await packs.deletePack({ id: pack!.id }, root);
    await expect(packs.getPack({ slugOrId: 'voice-chat', includeHidden: false }, member)).rejects.toMatchObject({ code: 'not_found' });
    expect((await packs.getPack({ slugOrId: 'voice-chat', includeHidden: true }, root)).pack?.isActive).toBe(false);
  });

  it('re-seeds once per file version: admin edits survive the same version, a higher one writes over them', async () => {
    const loaded = loadCatalogFile(DEFAULT_CATALOG_FILE);
    const { plan } = await catalog.getPlan({ keyOrId: 'scai-docs.pro' }, member);
    await catalog.updatePlan({ id: plan!.id, fields: patchFields({ name: 'Docs Pro (edited)', basePriceCents: 2100 }) }, root);
    expect(await seedCatalog(prisma, 'catalog-file', loaded)).toBe('unchanged');
    expect((await catalog.getPlan({ keyOrId: 'scai-docs.pro' }, member)).plan).toMatchObject({ name: 'Docs Pro (edited)', basePriceCents: 2100, version: 2 });
    const bumped = { ...loaded, file: { ...loaded.file, version: 2 } };
    expect(await seedCatalog(prisma, 'catalog-file', bumped)).toBe('applied');
    expect((await catalog.getPlan({ keyOrId: 'scai-docs.pro' }, member)).plan).toMatchObject({ name: 'Pro', basePriceCents: 1900, version: 3 });
    expect(await seedCatalog(prisma, 'catalog-file', bumped)).toBe('unchanged');
    expect(await seedCatalog(prisma, 'catalog-file', loaded)).toBe('older');
    // Entries an admin added are not the file's to remove.
    expect((await catalog.getPlan({ keyOrId: 'scai-voice.team' }, member)).plan).toBeDefined();
  });

  it('seeds once when two instances apply the same file at the same moment', async () => {
    const loaded = loadCatalogFile(DEFAULT_CATALOG_FILE);
    const file = { ...loaded, file: { ...loaded.file, version: 3 } };
    const outcomes = await Promise.all([seedCatalog(prisma, 'catalog-file', file), seedCatalog(prisma, 'catalog-file', file)]);
    expect(outcomes.sort()).toEqual(['applied', 'unchanged']);
  });
});
