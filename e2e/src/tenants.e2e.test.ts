import { beforeAll, describe, expect, it } from 'vitest';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

describe('Admin — tenants through the gateway', () => {
  it('creates, lists, updates, suspends and deletes tenants within the partner limit', async () => {
    const partner = await createPartner(root, { max_tenants: 1 });
    const tenant = await createTenant(root, partner.id);
    expect(tenant).toMatchObject({ partner_id: partner.id, status: 'ACTIVE' });
    expect(tenant.id).toMatch(/^tnt_/);

    const second = await api<ErrorBody>('POST', '/api/v1/admin/tenants', {
      token: root,
      body: { name: 'Second', slug: unique('second'), partner_id: partner.id, contact_email: 'b@e2e.test' },
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');

    const duplicateSlug = await api<ErrorBody>('POST', '/api/v1/admin/tenants', {
      token: root,
      body: { name: 'Dup', slug: tenant.slug, partner_id: (await createPartner(root)).id, contact_email: 'd@e2e.test' },
    });
    expect(duplicateSlug.status).toBe(409);

    const listed = await api<{ data: { id: string }[] }>('GET', `/api/v1/admin/tenants?q=${tenant.slug}`, { token: root });
    expect(listed.body.data.map((t) => t.id)).toEqual([tenant.id]);

    const suspended = await api<{ data: { status: string; name: string } }>('PATCH', `/api/v1/admin/tenants/${tenant.id}`, {
      token: root,
      body: { status: 'SUSPENDED', name: 'Renamed' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.data).toMatchObject({ status: 'SUSPENDED', name: 'Renamed' });

    const badStatus = await api<ErrorBody>('PATCH', `/api/v1/admin/tenants/${tenant.id}`, { token: root, body: { status: 'GONE' } });
    expect(badStatus.status).toBe(422);

    expect((await api('DELETE', `/api/v1/admin/tenants/${tenant.id}`, { token: root })).status).toBe(204);
    expect((await api('GET', `/api/v1/admin/tenants/${tenant.id}`, { token: root })).status).toBe(404);
  });

  it('keeps each partner admin to its own tenants and tenant admins out', async () => {
    const a = await createPartner(root);
    const b = await createPartner(root);
    const tenantA = await createTenant(root, a.id);
    const tenantB = await createTenant(root, b.id);
    const adminA = await createAdmin('partner_admin', { partnerId: a.id });

    const own = await api<{ data: { id: string }[] }>('GET', '/api/v1/admin/tenants', { token: adminA.token });
    expect(own.status).toBe(200);
    expect(own.body.data.map((t) => t.id)).toEqual([tenantA.id]);
    expect((await api('GET', `/api/v1/admin/tenants/${tenantB.id}`, { token: adminA.token })).status).toBe(404);
    expect((await api('PATCH', `/api/v1/admin/tenants/${tenantB.id}`, { token: adminA.token, body: { name: 'x' } })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/admin/tenants/${tenantB.id}`, { token: adminA.token })).status).toBe(404);
    const underB = await api('POST', '/api/v1/admin/tenants', {
      token: adminA.token,
      body: { name: 'Under B', slug: unique('under-b'), partner_id: b.id, contact_email: 'u@e2e.test' },
    });
    expect(underB.status).toBe(404);
    const stillOne = await api<{ data: unknown[] }>('GET', `/api/v1/admin/partners/${b.id}/tenants`, { token: root });
    expect(stillOne.body.data).toHaveLength(1);

    const tenantAdmin = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: a.id });
    const refused = await api<ErrorBody>('GET', '/api/v1/admin/tenants', { token: tenantAdmin.token });
    expect(refused.status).toBe(403);
  });
});
