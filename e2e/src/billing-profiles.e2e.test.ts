import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, createPartner, createTenant, type AdminUser } from './fixtures.ts';
import { api, superAdminToken, type ErrorBody } from './http.ts';
import { eventuallyMatching } from './stream-events.ts';

interface Profile {
  tenant_id: string;
  partner_id: string;
  company_name: string;
  vat_number: string | null;
  peppol_scheme: string | null;
  peppol_id: string | null;
  missing_for_commerce: string[];
}

const servantus = {
  company_name: 'Servantus B.V.',
  address_line1: 'Keizersgracht 1',
  postal_code: '1015 AA',
  city: 'Amsterdam',
  country_code: 'NL',
  vat_number: 'NL 0044.95445.B01',
  contact_email: 'billing@servantus.nl',
  peppol_id: '0106:12345678',
  preferred_language: 'nl',
};

let nc: NatsConnection;
let root: string;
let tenantA: { id: string };
let tenantB: { id: string };
let partnerP: { id: string };
let adminA: AdminUser;
let adminB: AdminUser;
let partnerAdminP: AdminUser;

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
  partnerP = await createPartner(root);
  const partnerQ = await createPartner(root);
  tenantA = await createTenant(root, partnerP.id);
  tenantB = await createTenant(root, partnerQ.id);
  adminA = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: partnerP.id });
  adminB = await createAdmin('tenant_admin', { tenantId: tenantB.id, partnerId: partnerQ.id });
  partnerAdminP = await createAdmin('partner_admin', { partnerId: partnerP.id });
}, 60_000);

afterAll(async () => {
  await nc?.close();
});

describe('billing profiles through the gateway', () => {
  it('a tenant admin sets its profile (normalised), the tenant is linked once, a change is announced with its fields', async () => {
    const none = await api<{ data: Profile | null }>('GET', '/api/v1/billing/billing-profile', { token: adminA.token });
    expect(none.status).toBe(200);
    expect(none.body.data).toBeNull();

    const saved = await api<{ data: Profile }>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: servantus });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({
      tenant_id: tenantA.id,
      partner_id: partnerP.id,
      vat_number: 'NL004495445B01',
      peppol_scheme: '0106',
      peppol_id: '12345678',
      missing_for_commerce: [],
    });
    const read = await api<{ data: Profile }>('GET', '/api/v1/billing/billing-profile', { token: adminA.token });
    expect(read.body.data).toEqual(saved.body.data);

    await api('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: servantus });
    const changed = await api<{ data: Profile }>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: { ...servantus, phone: '+31 20 123 4567' } });
    expect(changed.status).toBe(200);

    const ofA = (event: { type: string; subject?: string }) => event.subject === tenantA.id && event.type.startsWith('scai.billing.tenant.');
    const events = await eventuallyMatching(nc, 'billing', ofA, 2);
    expect(events.map((event) => event.type)).toEqual(['scai.billing.tenant.billing_linked', 'scai.billing.tenant.billing_updated']);
    expect(events[0].data).toMatchObject({ tenant_id: tenantA.id, partner_id: partnerP.id, scaicontrol_customer_id: tenantA.id, company_name: 'Servantus B.V.', country_code: 'NL', vat_number: 'NL004495445B01' });
    expect(events[1].data).toMatchObject({ changed_fields: ['phone'] });
  });

  it('refuses a VAT number of another country’s format, an unknown country and an unknown language, writing nothing', async () => {
    const before = await api('GET', '/api/v1/billing/billing-profile', { token: adminA.token });
    const wrongVat = await api<ErrorBody>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: { ...servantus, country_code: 'DE' } });
    expect(wrongVat.status).toBe(422);
    expect(wrongVat.body.error.code).toBe('validation_error');
    expect(JSON.stringify(wrongVat.body)).toContain('vat_number');
    const badCountry = await api<ErrorBody>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: { ...servantus, country_code: 'XX', vat_number: null } });
    expect(badCountry.status).toBe(422);
    const badLanguage = await api<ErrorBody>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: { ...servantus, preferred_language: 'sv' } });
    expect(badLanguage.status).toBe(422);
    const extra = await api<ErrorBody>('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: { ...servantus, iban: 'NL91ABNA0417164300' } });
    expect(extra.status).toBe(422);
    const after = await api('GET', '/api/v1/billing/billing-profile', { token: adminA.token });
    expect(after.body.data).toEqual(before.body.data);
  });

  it('admins set a tenant’s profile within reach; out of reach is 404; the tenant reads carry it', async () => {
    const byPartner = await api<{ data: Profile }>('PUT', `/api/v1/admin/tenants/${tenantA.id}/billing-profile`, {
      token: partnerAdminP.token,
      body: { ...servantus, buyer_reference: 'PO-2026-17' },
    });
    expect(byPartner.status).toBe(200);
    const outOfReach = await api<ErrorBody>('PUT', `/api/v1/admin/tenants/${tenantB.id}/billing-profile`, { token: partnerAdminP.token, body: servantus });
    expect(outOfReach.status).toBe(404);
    expect(outOfReach.body.error.code).toBe('not_found');
    const tenantAdminOnAdminRoute = await api<ErrorBody>('PUT', `/api/v1/admin/tenants/${tenantA.id}/billing-profile`, { token: adminB.token, body: servantus });
    expect([403, 404]).toContain(tenantAdminOnAdminRoute.status);

    const detail = await api<{ data: { id: string; billing_profile: Profile | null } }>('GET', `/api/v1/admin/tenants/${tenantA.id}`, { token: root });
    expect(detail.body.data.billing_profile).toMatchObject({ tenant_id: tenantA.id, company_name: 'Servantus B.V.' });
    const bare = await api<{ data: { billing_profile: Profile | null } }>('GET', `/api/v1/admin/tenants/${tenantB.id}`, { token: root });
    expect(bare.body.data.billing_profile).toBeNull();

    const listed = await api<{ data: { id: string; billing: { company_name: string; ready_for_commerce: boolean } | null }[] }>('GET', '/api/v1/admin/tenants?page_size=100', { token: partnerAdminP.token });
    expect(listed.status).toBe(200);
    // Nothing bought yet: a profile, no subscriptions, no recurring revenue.
    const summary = { company_name: 'Servantus B.V.', country_code: 'NL', ready_for_commerce: true, live_subscriptions: 0, live_packs: 0, mrr: [] };
    expect(listed.body.data.find((tenant) => tenant.id === tenantA.id)?.billing).toEqual(summary);
    expect((detail.body.data as { billing?: unknown }).billing).toEqual(summary);
    expect((bare.body.data as { billing?: unknown }).billing).toBeNull();
    expect(listed.body.data.some((tenant) => tenant.id === tenantB.id)).toBe(false);
  });

  it('the tenant-side route is for a tenant’s own users: an admin without a tenant is told to use the admin route', async () => {
    const asRoot = await api<ErrorBody>('GET', '/api/v1/billing/billing-profile', { token: root });
    expect(asRoot.status).toBe(403);
    expect(asRoot.body.error.message).toMatch(/admin\/tenants/);
    const otherTenant = await api<{ data: Profile | null }>('GET', '/api/v1/billing/billing-profile', { token: adminB.token });
    expect(otherTenant.body.data).toBeNull();
    const anonymous = await api<ErrorBody>('GET', '/api/v1/billing/billing-profile');
    expect(anonymous.status).toBe(401);
  });
});
