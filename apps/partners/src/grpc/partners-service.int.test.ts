import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partners } from '@scai/proto';
import { partnerAdmin, platformService, superAdmin, tenantAdmin } from '../testing/callers.ts';
import { startHarness, uniqueSlug, type Harness } from '../testing/harness.ts';

const { PartnerStatus } = partners.v1;

describe('PartnersService over gRPC', () => {
  let h: Harness;
  const root = () => h.as(superAdmin());

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function createPartner(name: string, extra: Partial<partners.v1.CreatePartnerRequest> = {}) {
    const { partner } = await h.partners.createPartner({ name, slug: uniqueSlug(name.toLowerCase()), contactEmail: 'ops@example.test', ...extra }, root());
    return partner!;
  }

  it('creates a partner with default limits and its created event in the outbox', async () => {
    const partner = await createPartner('Alpha');
    expect(partner.id).toMatch(/^prt_/);
    expect(partner).toMatchObject({ status: PartnerStatus.ACTIVE, maxTenants: 10, maxUsersPerTenant: 100, maxApplicationsPerTenant: 10, billable: false });
    const rows = await h.prisma.outboxEvent.findMany({ where: { subject: { endsWith: 'partners.partner.created' } } });
    expect(rows.some((row) => (row.payload as { subject?: string }).subject === partner.id)).toBe(true);
  });

  it('sets and clears the seller identity; billable once legal name and country are set', async () => {
    const partner = await createPartner('Seller');
    const { partner: updated } = await h.partners.updatePartner(
      { id: partner.id, status: 0, clearFields: [], seller: { legalName: 'Seller GmbH', sellerCountryCode: 'de', iban: 'DE89 3704 0044 0532 0130 00', vatNumber: 'DE123456789' } },
      root(),
    );
    expect(updated?.seller).toMatchObject({ legalName: 'Seller GmbH', sellerCountryCode: 'DE', iban: 'DE89370400440532013000' });
    expect(updated?.billable).toBe(true);
    const { partner: cleared } = await h.partners.updatePartner({ id: partner.id, status: 0, clearFields: ['vat_number'] }, root());
    expect(cleared?.seller?.vatNumber).toBeUndefined();
    expect(cleared?.seller?.legalName).toBe('Seller GmbH');
  });

  it('answers 422-style validation errors with every issue', async () => {
    await expect(
      h.partners.createPartner({ name: '', slug: 'Not A Slug', contactEmail: 'x', maxTenants: -1 }, root()),
    ).rejects.toMatchObject({ code: 'validation_error', issues: expect.arrayContaining([expect.objectContaining({ loc: ['body', 'slug'] })]) });
    const partner = await createPartner('Valid');
    await expect(h.partners.updatePartner({ id: partner.id, status: 0, clearFields: ['name'] }, root())).rejects.toMatchObject({ code: 'validation_error' });
  });

  it('derives a slug from the name when none is given, suffixed while taken', async () => {
    const name = `Café ${uniqueSlug('Zürich')}`;
    const created = [];
    for (let i = 0; i < 3; i += 1) {
      created.push((await h.partners.createPartner({ name, contactEmail: 'ops@example.test' }, root())).partner!.slug);
    }
    const base = name.toLowerCase().replace('café ', 'cafe-').replace('ü', 'u');
    expect(created).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it('derives distinct slugs for concurrent creates of the same name', async () => {
    const name = uniqueSlug('Racing Partner');
    const slugs = await Promise.all(
      Array.from({ length: 4 }, async () => (await h.partners.createPartner({ name, contactEmail: 'ops@example.test' }, root())).partner!.slug),
    );
    expect(new Set(slugs).size).toBe(4);
  });

  it('maps a duplicate slug to conflict without leaking SQL', async () => {
    const partner = await createPartner('Dupe');
    const error = await h.partners.createPartner({ name: 'Dupe 2', slug: partner.slug, contactEmail: 'a@b.test' }, root()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', message: 'Partner slug is already taken' });
    const other = await createPartner('Other');
    await expect(h.partners.updatePartner({ id: other.id, slug: partner.slug, status: 0, clearFields: [] }, root())).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lists with search, status filter and pagination', async () => {
    const tag = uniqueSlug('zeta');
    await h.partners.createPartner({ name: `${tag} one`, slug: `${tag}-1`, contactEmail: 'z@z.test' }, root());
    const { partner: two } = await h.partners.createPartner({ name: `${tag} two`, slug: `${tag}-2`, contactEmail: 'z@z.test' }, root());
    await h.partners.updatePartner({ id: two!.id, status: PartnerStatus.SUSPENDED, clearFields: [] }, root());

    const all = await h.partners.listPartners({ search: tag, status: 0, page: { page: 1, pageSize: 1 } }, root());
    expect(all.pageInfo).toEqual({ page: 1, pageSize: 1, total: 2, totalPages: 2 });
    const suspended = await h.partners.listPartners({ search: tag, status: PartnerStatus.SUSPENDED }, root());
    expect(suspended.partners.map((p) => p.id)).toEqual([two!.id]);
    const byId = await h.partners.listPartners({ search: two!.id, status: 0 }, root());
    expect(byId.partners).toHaveLength(1);
  });

  it('lets only the platform list and create; a GLOBAL service token by admin:read / admin:write', async () => {
    const a = await createPartner('ListA');
    await expect(h.partners.listPartners({ search: '', status: 0 }, h.as(partnerAdmin(a.id, { withPartnerScope: true })))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.partners.listPartners({ search: '', status: 0 }, h.as(tenantAdmin('tnt_x', a.id)))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(h.partners.listPartners({ search: '', status: 0 }, h.as(platformService(['admin:read'])))).resolves.toBeDefined();
    await expect(
      h.partners.createPartner({ name: 'S', slug: uniqueSlug('svc'), contactEmail: 's@s.test' }, h.as(platformService(['admin:read']))),
    ).rejects.toMatchObject({ code: 'forbidden', message: 'Platform token requires admin:read or admin:write scope' });
    await expect(
      h.partners.createPartner({ name: 'S', slug: uniqueSlug('svc'), contactEmail: 's@s.test' }, h.as(platformService(['admin:write']))),
    ).resolves.toBeDefined();
    await expect(h.partners.listPartners({ search: '', status: 0 }, {})).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('gives a partner admin its own partner and not_found for another', async () => {
    const a = await createPartner('OwnA');
    const b = await createPartner('OwnB');
    const adminA = h.as(partnerAdmin(a.id, { withPartnerScope: true }));
    await expect(h.partners.getPartner({ id: a.id }, adminA)).resolves.toMatchObject({ partner: { id: a.id } });
    await expect(h.partners.getPartner({ id: b.id }, adminA)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.partners.updatePartner({ id: b.id, name: 'x', status: 0, clearFields: [] }, adminA)).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.partners.deletePartner({ id: b.id }, adminA)).rejects.toMatchObject({ code: 'not_found' });
    // its own profile yes, its own limits no
    await expect(h.partners.updatePartner({ id: a.id, name: 'Own A', status: 0, clearFields: [] }, adminA)).resolves.toMatchObject({ partner: { name: 'Own A' } });
    await expect(h.partners.updatePartner({ id: a.id, maxTenants: 500, status: 0, clearFields: [] }, adminA)).rejects.toMatchObject({ code: 'forbidden' });
    // the role alone reaches its own partner, but never deletes it
    await expect(h.partners.getPartner({ id: a.id }, h.as(partnerAdmin(a.id)))).resolves.toMatchObject({ partner: { id: a.id } });
    await expect(h.partners.deletePartner({ id: a.id }, adminA)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('soft deletes: then not_found and gone from lists, with the deleted event', async () => {
    const partner = await createPartner('Gone');
    await h.partners.deletePartner({ id: partner.id }, root());
    await expect(h.partners.getPartner({ id: partner.id }, root())).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.partners.deletePartner({ id: partner.id }, root())).rejects.toMatchObject({ code: 'not_found' });
    const list = await h.partners.listPartners({ search: partner.id, status: 0 }, root());
    expect(list.partners).toHaveLength(0);
    const row = await h.prisma.partner.findUnique({ where: { id: partner.id } });
    expect(row?.deletedAt).toBeInstanceOf(Date);
    const events = await h.prisma.outboxEvent.findMany({ where: { subject: { endsWith: 'partners.partner.deleted' } } });
    expect(events.some((e) => (e.payload as { partnerid?: string }).partnerid === partner.id)).toBe(true);
  });
});
