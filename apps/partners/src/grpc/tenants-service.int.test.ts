import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';
import { partnerAdmin, superAdmin, tenantAdmin } from '../testing/callers.ts';
import { startHarness, uniqueSlug, type Harness } from '../testing/harness.ts';

const { TenantStatus, PartnerStatus } = partners.v1;

describe('TenantsService over gRPC', () => {
  let h: Harness;
  let partnerA: partners.v1.Partner;
  let partnerB: partners.v1.Partner;
  let tenantB: partners.v1.Tenant;
  const root = () => h.as(superAdmin());
  const adminA = () => h.as(partnerAdmin(partnerA.id));

  async function createPartner(name: string, maxTenants?: number) {
    const { partner } = await h.partners.createPartner({ name, slug: uniqueSlug(name.toLowerCase()), contactEmail: 'ops@example.test', maxTenants }, root());
    return partner!;
  }

  async function createTenant(partnerId: string | undefined, name: string, call = root()) {
    const { tenant } = await h.tenants.createTenant({ partnerId, name, slug: uniqueSlug(name.toLowerCase()), contactEmail: 'it@example.test' }, call);
    return tenant!;
  }

  beforeAll(async () => {
    h = await startHarness();
    partnerA = await createPartner('PartnerA');
    partnerB = await createPartner('PartnerB');
    tenantB = await createTenant(partnerB.id, 'TenantB');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates a tenant with default settings, branding, and its created event', async () => {
    const { tenant } = await h.tenants.createTenant(
      {
        partnerId: partnerA.id,
        name: 'Acme',
        slug: uniqueSlug('acme'),
        contactEmail: 'it@acme.test',
        settings: { mfaRequired: true, passwordPolicy: { minLength: 14 } },
        branding: { displayName: 'Acme Inc', primaryColor: '#112233' },
      },
      root(),
    );
    expect(tenant?.id).toMatch(/^tnt_/);
    expect(tenant?.settings).toEqual({
      mfaRequired: true,
      passwordPolicy: { minLength: 14, requireUppercase: false, requireLowercase: false, requireDigit: false, requireSymbol: false },
      sessionTimeoutMinutes: 480,
    });
    expect(tenant?.branding).toEqual({ displayName: 'Acme Inc', primaryColor: '#112233' });
    const events = await h.prisma.outboxEvent.findMany({ where: { subject: { endsWith: 'partners.tenant.created' } } });
    const payload = events.map((e) => e.payload as { tenantid?: string; partnerid?: string }).find((p) => p.tenantid === tenant?.id);
    expect(payload?.partnerid).toBe(partnerA.id);
  });

  it("puts a partner admin's tenant under its own partner and hides partner B's", async () => {
    const own = await createTenant(undefined, 'OwnTenant', adminA());
    expect(own.partnerId).toBe(partnerA.id);
    await expect(h.tenants.createTenant({ partnerId: partnerB.id, name: 'x', slug: uniqueSlug('x'), contactEmail: 'x@x.test' }, adminA())).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.tenants.getTenant({ id: tenantB.id }, adminA())).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.tenants.updateTenant({ id: tenantB.id, name: 'x', status: 0, clearFields: [] }, adminA())).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.tenants.deleteTenant({ id: tenantB.id }, adminA())).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.tenants.listPartnerTenants({ partnerId: partnerB.id, q: '', status: 0 }, adminA())).rejects.toMatchObject({ code: 'not_found' });
    const list = await h.tenants.listTenants({ q: '', status: 0 }, adminA());
    expect(list.tenants.every((t) => t.partnerId === partnerA.id)).toBe(true);
    expect(list.tenants.map((t) => t.id)).toContain(own.id);
    // a partner B id in the filter still yields only reachable rows
    const filtered = await h.tenants.listTenants({ q: '', status: 0, partnerId: partnerB.id }, adminA());
    expect(filtered.tenants).toHaveLength(0);
  });

  it('gives tenant admins nothing here', async () => {
    const caller = h.as(tenantAdmin(tenantB.id, partnerB.id));
    await expect(h.tenants.listTenants({ q: '', status: 0 }, caller)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.tenants.getTenant({ id: tenantB.id }, caller)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('searches over name, e-mail, id and slug, and lists a partner’s tenants', async () => {
    const t = await createTenant(partnerA.id, 'Searchable');
    for (const q of [t.id, t.slug, 'searchable', 'IT@EXAMPLE']) {
      const { tenants } = await h.tenants.listTenants({ q, status: 0 }, root());
      expect(tenants.map((x) => x.id)).toContain(t.id);
    }
    const { tenants, pageInfo } = await h.tenants.listPartnerTenants({ partnerId: partnerA.id, q: '', status: 0, page: { page: 1, pageSize: 100 } }, adminA());
    expect(tenants.map((x) => x.id)).toContain(t.id);
    expect(pageInfo?.total).toBe(tenants.length);
  });

  it('updates with PATCH semantics: settings merge, branding cleared by clear_fields', async () => {
    const t = await createTenant(partnerA.id, 'Patchy');
    await h.tenants.updateTenant({ id: t.id, status: 0, clearFields: [], branding: { logoUrl: 'https://cdn.test/l.png', displayName: 'P' } }, adminA());
    const { tenant } = await h.tenants.updateTenant(
      { id: t.id, status: 0, settings: { sessionTimeoutMinutes: 30 }, clearFields: ['branding.logo_url'] },
      adminA(),
    );
    expect(tenant?.settings?.sessionTimeoutMinutes).toBe(30);
    expect(tenant?.settings?.passwordPolicy?.minLength).toBe(12);
    expect(tenant?.branding).toEqual({ displayName: 'P' });
    await expect(h.tenants.updateTenant({ id: t.id, status: 0, clearFields: ['name'] }, adminA())).rejects.toMatchObject({ code: 'validation_error' });
    await expect(h.tenants.updateTenant({ id: t.id, status: 0, clearFields: [], settings: { sessionTimeoutMinutes: 1 } }, adminA())).rejects.toMatchObject({
      code: 'validation_error',
    });
  });

  it('publishes tenant.suspended when a tenant is suspended', async () => {
    const t = await createTenant(partnerA.id, 'Suspendme');
    const { tenant } = await h.tenants.updateTenant({ id: t.id, status: TenantStatus.SUSPENDED, clearFields: [] }, adminA());
    expect(tenant?.status).toBe(TenantStatus.SUSPENDED);
    const events = await h.prisma.outboxEvent.findMany({ where: { subject: { endsWith: 'partners.tenant.suspended' } } });
    expect(events.some((e) => (e.payload as { tenantid?: string }).tenantid === t.id)).toBe(true);
  });

  it('moves tenants between partners for super admins only', async () => {
    const t = await createTenant(partnerA.id, 'Mover');
    await expect(h.tenants.updateTenant({ id: t.id, partnerId: partnerB.id, status: 0, clearFields: [] }, adminA())).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.tenants.updateTenant({ id: t.id, partnerId: partnerA.id, name: 'Same', status: 0, clearFields: [] }, adminA())).resolves.toBeDefined();
    const { tenant } = await h.tenants.updateTenant({ id: t.id, partnerId: partnerB.id, status: 0, clearFields: [] }, root());
    expect(tenant?.partnerId).toBe(partnerB.id);
  });

  it('enforces max_tenants with conflict, and needs an active partner', async () => {
    const small = await createPartner('Small', 1);
    await createTenant(small.id, 'First');
    await expect(createTenant(small.id, 'Second')).rejects.toMatchObject({ code: 'conflict', details: { partner_id: small.id, max_tenants: 1 } });
    await h.partners.updatePartner({ id: small.id, maxTenants: 5, status: PartnerStatus.SUSPENDED, clearFields: [] }, root());
    await expect(createTenant(small.id, 'Third')).rejects.toMatchObject({ code: 'conflict', message: 'Partner is suspended; tenants cannot be added' });
    await expect(createTenant('prt_01jz0000000000000000000000', 'Nowhere')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts only live tenants toward max_tenants, under concurrency', async () => {
    const p = await createPartner('Racy', 2);
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => createTenant(p.id, `Racy${i}`)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const created = results.find((r): r is PromiseFulfilledResult<partners.v1.Tenant> => r.status === 'fulfilled')!.value;
    await h.tenants.deleteTenant({ id: created.id }, root());
    await expect(createTenant(p.id, 'Racy5')).resolves.toBeDefined();
  });

  it('derives a tenant slug from the name when none is given', async () => {
    const name = uniqueSlug('Derived Tenant');
    const first = (await h.tenants.createTenant({ partnerId: partnerA.id, name, contactEmail: 'd@d.test' }, root())).tenant!;
    const second = (await h.tenants.createTenant({ partnerId: partnerA.id, name, contactEmail: 'd@d.test' }, root())).tenant!;
    expect([first.slug, second.slug]).toEqual([name.toLowerCase().replaceAll(' ', '-'), `${name.toLowerCase().replaceAll(' ', '-')}-2`]);
  });

  it('maps a duplicate slug to conflict', async () => {
    const t = await createTenant(partnerA.id, 'Dupeslug');
    await expect(h.tenants.createTenant({ partnerId: partnerA.id, name: 'D', slug: t.slug, contactEmail: 'd@d.test' }, root())).rejects.toMatchObject({
      code: 'conflict',
      message: 'Tenant slug is already taken',
    });
  });

  it('soft deletes: then not_found, gone from lists and slug look-ups', async () => {
    const t = await createTenant(partnerA.id, 'Doomed');
    await expect(h.tenants.getTenantBySlug({ slug: t.slug }, h.as(SYSTEM_CALLER))).resolves.toMatchObject({ tenant: { id: t.id } });
    await h.tenants.deleteTenant({ id: t.id }, adminA());
    await expect(h.tenants.getTenant({ id: t.id }, root())).rejects.toMatchObject({ code: 'not_found' });
    const { tenants } = await h.tenants.listTenants({ q: t.id, status: 0 }, root());
    expect(tenants).toHaveLength(0);
    await expect(h.tenants.getTenantBySlug({ slug: t.slug }, h.as(SYSTEM_CALLER))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps GetTenantBySlug internal', async () => {
    await expect(h.tenants.getTenantBySlug({ slug: tenantB.slug }, adminA())).rejects.toMatchObject({ code: 'forbidden' });
  });
});
