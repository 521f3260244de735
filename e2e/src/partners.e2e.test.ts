import { beforeAll, describe, expect, it } from 'vitest';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

describe('Partners (seed 001) through the gateway', () => {
  it('derives the slug from the name when the body has none; a taken explicit slug is 409', async () => {
    const name = `Ünïque ${unique('Reseller')}`;
    const create = (body: object) => api<{ data: { slug: string } } & ErrorBody>('POST', '/api/v1/admin/partners/', { token: root, body: { contact_email: 'ops@r.test', ...body } });
    const first = await create({ name });
    const second = await create({ name });
    expect([first.status, second.status]).toEqual([201, 201]);
    const base = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect([first.body.data.slug, second.body.data.slug]).toEqual([base, `${base}-2`]);
    const taken = await create({ name: 'Other', slug: base });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('conflict');
  });

  it('creates, reads, lists, updates and soft-deletes a partner', async () => {
    const slug = unique('acme');
    const created = await api<{ data: Record<string, unknown> & { id: string } }>('POST', '/api/v1/admin/partners/', {
      token: root,
      body: { name: 'Acme Resellers', slug, contact_email: 'ops@acme.test', max_tenants: 3 },
    });
    expect(created.status).toBe(201);
    const partner = created.body.data;
    expect(partner).toMatchObject({ name: 'Acme Resellers', slug, status: 'ACTIVE', max_tenants: 3 });
    expect(partner.id).toMatch(/^prt_/);

    const fetched = await api<{ data: { id: string } }>('GET', `/api/v1/admin/partners/${partner.id}`, { token: root });
    expect(fetched.status).toBe(200);
    expect(fetched.body.data.id).toBe(partner.id);

    for (const path of ['/api/v1/admin/partners/', '/api/v1/admin/partners']) {
      const listed = await api<{ data: { id: string }[]; pagination: Record<string, number> }>('GET', `${path}?search=${slug}&page=1&per_page=5`, {
        token: root,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((p) => p.id)).toEqual([partner.id]);
      expect(listed.body.pagination).toMatchObject({ page: 1, page_size: 5, total: 1, total_pages: 1 });
    }

    const patched = await api<{ data: Record<string, unknown> }>('PATCH', `/api/v1/admin/partners/${partner.id}`, {
      token: root,
      body: { name: 'Acme Partners', legal_name: 'Acme B.V.', seller_country_code: 'NL' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ name: 'Acme Partners', legal_name: 'Acme B.V.', seller_country_code: 'NL' });

    const deleted = await api('DELETE', `/api/v1/admin/partners/${partner.id}`, { token: root });
    expect(deleted.status).toBe(204);
    const gone = await api<ErrorBody>('GET', `/api/v1/admin/partners/${partner.id}`, { token: root });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    const listedAfter = await api<{ data: unknown[] }>('GET', `/api/v1/admin/partners/?search=${slug}`, { token: root });
    expect(listedAfter.body.data).toEqual([]);
    expect((await api('DELETE', `/api/v1/admin/partners/${partner.id}`, { token: root })).status).toBe(404);
  });

  it('answers bad input with 422, the envelope and detail[], and writes nothing', async () => {
    const slug = unique('bad');
    const missing = await api<ErrorBody>('POST', '/api/v1/admin/partners/', { token: root, body: { slug } });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('validation_error');
    expect(missing.body.error.request_id).toBe(missing.headers.get('x-request-id'));
    expect(missing.body.detail?.map((d) => d.loc.join('.'))).toEqual(expect.arrayContaining(['body.name', 'body.contact_email']));

    const wrongType = await api<ErrorBody>('POST', '/api/v1/admin/partners/', {
      token: root,
      body: { name: 42, slug, contact_email: 'not-an-email', max_tenants: 'many' },
    });
    expect(wrongType.status).toBe(422);
    expect(wrongType.body.detail?.map((d) => d.loc.join('.'))).toEqual(
      expect.arrayContaining(['body.name', 'body.contact_email', 'body.max_tenants']),
    );

    const malformed = await api<ErrorBody>('POST', '/api/v1/admin/partners/', { token: root, rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');

    const badPage = await api<ErrorBody>('GET', '/api/v1/admin/partners/?page=zero', { token: root });
    expect(badPage.status).toBe(422);
    expect(badPage.body.detail?.[0].loc).toEqual(['query', 'page']);

    const listed = await api<{ data: unknown[] }>('GET', `/api/v1/admin/partners/?search=${slug}`, { token: root });
    expect(listed.body.data).toEqual([]);
  });

  it('answers unknown ids and unknown routes with 404 in the envelope', async () => {
    const unknown = await api<ErrorBody>('GET', '/api/v1/admin/partners/prt_01jzzzzzzzzzzzzzzzzzzzzzzz', { token: root });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const route = await api<ErrorBody>('GET', '/api/v1/admin/nothing-here', { token: root });
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe('not_found');
  });

  it('keeps partners to platform admins and each partner admin to its own partner', async () => {
    const mine = await createPartner(root);
    const other = await createPartner(root);
    const partnerAdmin = await createAdmin('partner_admin', { partnerId: mine.id });
    const list = await api<ErrorBody>('GET', '/api/v1/admin/partners/', { token: partnerAdmin.token });
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('forbidden');
    const create = await api<ErrorBody>('POST', '/api/v1/admin/partners/', {
      token: partnerAdmin.token,
      body: { name: 'Sneaky', slug: unique('sneaky'), contact_email: 's@e2e.test' },
    });
    expect(create.status).toBe(403);

    // Its own partner's tenants: yes; another partner's: not found, never forbidden.
    await createTenant(root, mine.id);
    const own = await api<{ data: unknown[] }>('GET', `/api/v1/admin/partners/${mine.id}/tenants`, { token: partnerAdmin.token });
    expect(own.status).toBe(200);
    expect(own.body.data).toHaveLength(1);
    const foreign = await api<ErrorBody>('GET', `/api/v1/admin/partners/${other.id}/tenants`, { token: partnerAdmin.token });
    expect(foreign.status).toBe(404);
  });

  it('suspends a deleted partner’s tenants through the event', async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id);
    expect(tenant.status).toBe('ACTIVE');
    expect((await api('DELETE', `/api/v1/admin/partners/${partner.id}`, { token: root })).status).toBe(204);
    let status = 'ACTIVE';
    for (let i = 0; i < 50 && status !== 'SUSPENDED'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const fetched = await api<{ data: { status: string } }>('GET', `/api/v1/admin/tenants/${tenant.id}`, { token: root });
      status = fetched.body.data?.status;
    }
    expect(status).toBe('SUSPENDED');
  });
});
