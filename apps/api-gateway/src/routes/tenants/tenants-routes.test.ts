import { afterEach, describe, expect, it } from 'vitest';
import { CALLERS, auth, fakePartnersClients, type Calls } from '../partners/fake-partners-clients.ts';
import { tenantsGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const gateway = (calls: Calls = []) => testGateway({ groups: [tenantsGroup], clients: fakePartnersClients(calls), callers: CALLERS });

afterEach(closeTestGateways);

const BASE = '/api/v1/admin/tenants';
const ROUTES: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object }> = [
  { method: 'GET', url: BASE },
  { method: 'POST', url: BASE, payload: { name: 'Acme', slug: 'acme', contact_email: 'it@acme.test' } },
  { method: 'GET', url: `${BASE}/tnt_a1` },
  { method: 'PATCH', url: `${BASE}/tnt_a1`, payload: { name: 'Acme 2' } },
  { method: 'DELETE', url: `${BASE}/tnt_a1` },
  { method: 'PUT', url: `${BASE}/tnt_a1/billing-profile`, payload: { company_name: 'Acme', country_code: 'NL' } },
];

describe('tenant routes: auth', () => {
  it.each(ROUTES)('$method $url: 401 without a token, 403 for a tenant admin', async (route) => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const none = await gw.inject({ ...route });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthorized');
    const tenant = await gw.inject({ ...route, headers: auth('tenant') });
    expect(tenant.statusCode).toBe(403);
    expect(tenant.json().error.code).toBe('forbidden');
    expect(calls).toEqual([]);
  });

  it('declares admin:tenants on all six routes under the group tag (writing the billing profile is a write)', async () => {
    const gw = await gateway();
    const routes = gw.declaredRoutes.filter((r) => r.url.startsWith(BASE) && r.method !== 'HEAD');
    expect(routes).toHaveLength(6);
    for (const route of routes) {
      expect(route.auth).toEqual(route.url.endsWith('/billing-profile') ? { scope: 'admin:tenants', access: 'write' } : { scope: 'admin:tenants' });
    }
    const doc = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/admin/tenants'].get.tags).toEqual(['Admin — tenants']);
  });
});

describe('tenant routes: behaviour', () => {
  it('lists each tenant with its billing summary and reads one with its billing profile, asked with the same caller', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const list = await gw.inject({ method: 'GET', url: BASE, headers: auth('partner') });
    const summary = { company_name: 'Acme B.V.', country_code: 'NL', ready_for_commerce: false, live_subscriptions: 3, live_packs: 1, mrr: [{ currency: 'EUR', amount_cents: 4080 }] };
    expect(list.json().data[0].billing).toEqual(summary);
    expect(calls.find((call) => call.method === 'listBillingSummaries')).toMatchObject({ request: { tenantIds: ['tnt_a1'] }, outgoing: { caller: CALLERS.partner } });
    const one = await gw.inject({ method: 'GET', url: `${BASE}/tnt_a1`, headers: auth('partner') });
    expect(one.json().data.billing_profile).toMatchObject({ tenant_id: 'tnt_a1', vat_number: 'NL004495445B01', address_line1: null, missing_for_commerce: ['address_line1', 'postal_code', 'city', 'contact_email'] });
    expect(one.json().data.billing).toEqual(summary);
    // A tenant out of reach answers 404 from partners before billing is asked.
    calls.length = 0;
    expect((await gw.inject({ method: 'GET', url: `${BASE}/tnt_missing`, headers: auth('partner') })).statusCode).toBe(404);
    expect(calls.map((call) => call.method)).toEqual(['getTenant']);
  });

  it('sets a tenant’s billing profile: strict body, defaults filled, nulls sent as unset', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const body = { company_name: 'Acme B.V.', country_code: 'NL', vat_number: 'NL004495445B01', phone: null };
    const saved = await gw.inject({ method: 'PUT', url: `${BASE}/tnt_a1/billing-profile`, headers: auth('partner'), payload: body });
    expect(saved.statusCode).toBe(200);
    expect(calls[0]).toMatchObject({
      method: 'putBillingProfile',
      request: { tenantId: 'tnt_a1', fields: { companyName: 'Acme B.V.', phone: undefined, isBusiness: true, taxExempt: false, preferredEinvoiceFormat: 'ubl', preferredLanguage: 'en' } },
    });
    const bad = await gw.inject({ method: 'PUT', url: `${BASE}/tnt_a1/billing-profile`, headers: auth('partner'), payload: { ...body, preferred_language: 'sv', iban: 'x' } });
    expect(bad.statusCode).toBe(422);
    expect(calls).toHaveLength(1);
  });

  it('lists with page, page_size and q, with and without the slash', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({ method: 'GET', url: `${BASE}/?page=3&page_size=7&q=acme`, headers: auth('partner') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data[0]).toMatchObject({
      id: 'tnt_a1',
      partner_id: 'prt_a',
      status: 'ACTIVE',
      settings: { mfa_required: false, password_policy: { min_length: 12, require_digit: true }, session_timeout_minutes: 480 },
      branding: { display_name: 'Acme', logo_url: null },
    });
    expect(body.pagination).toEqual({ page: 3, page_size: 7, total: 1, total_pages: 1 });
    expect(calls[0]).toMatchObject({ request: { page: { page: 3, pageSize: 7 }, q: 'acme' }, outgoing: { caller: CALLERS.partner } });
    expect((await gw.inject({ method: 'GET', url: BASE, headers: auth('partner') })).statusCode).toBe(200);
    expect((await gw.inject({ method: 'GET', url: `${BASE}?page_size=101`, headers: auth('partner') })).statusCode).toBe(422);
  });

  it('creates with 201 (both paths), passing settings and branding', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    for (const url of [BASE, `${BASE}/`]) {
      const response = await gw.inject({
        method: 'POST',
        url,
        headers: auth('partner'),
        payload: {
          name: 'Acme',
          slug: 'acme-eu',
          contact_email: 'it@acme.test',
          settings: { mfa_required: true, password_policy: { min_length: 16 } },
          branding: { primary_color: '#aabbcc', logo_url: 'https://cdn.acme.test/logo.svg' },
        },
      });
      expect(response.statusCode).toBe(201);
      expect(response.json().data.id).toBe('tnt_a1');
    }
    expect(calls[0].request).toMatchObject({
      partnerId: undefined,
      slug: 'acme-eu',
      settings: { mfaRequired: true, passwordPolicy: { minLength: 16 } },
      branding: { primaryColor: '#aabbcc', logoUrl: 'https://cdn.acme.test/logo.svg' },
    });
  });

  it('validates bodies strictly: slug, settings ranges, colours, unknown keys', async () => {
    const gw = await gateway();
    const response = await gw.inject({
      method: 'POST',
      url: BASE,
      headers: auth('super'),
      payload: {
        name: 'Acme',
        slug: 'acme/eu',
        contact_email: 'it@acme.test',
        settings: { password_policy: { min_length: 4 }, session_timeout_minutes: 0, theme: 'dark' },
        branding: { primary_color: 'blue' },
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(
      expect.arrayContaining([
        'body.slug',
        'body.settings.password_policy.min_length',
        'body.settings.session_timeout_minutes',
        'body.settings.theme',
        'body.branding.primary_color',
      ]),
    );
  });

  it('updates with PATCH semantics: branding nulls become clear_fields', async () => {
    const calls: Calls = [];
    const gw = await gateway(calls);
    const response = await gw.inject({
      method: 'PATCH',
      url: `${BASE}/tnt_a1`,
      headers: auth('super'),
      payload: { status: 'SUSPENDED', partner_id: 'prt_b', branding: { logo_url: null, display_name: 'New' } },
    });
    expect(response.statusCode).toBe(200);
    expect(calls[0].request).toMatchObject({
      id: 'tnt_a1',
      status: 2,
      partnerId: 'prt_b',
      branding: { displayName: 'New' },
      clearFields: ['branding.logo_url'],
    });
  });

  it('answers 404 for unknown tenants and 204 on delete', async () => {
    const gw = await gateway();
    const missing = await gw.inject({ method: 'GET', url: `${BASE}/tnt_missing`, headers: auth('partner') });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', message: 'Tenant not found' });
    expect((await gw.inject({ method: 'PATCH', url: `${BASE}/tnt_missing`, headers: auth('partner'), payload: {} })).statusCode).toBe(404);
    const deleted = await gw.inject({ method: 'DELETE', url: `${BASE}/tnt_a1`, headers: auth('partner') });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
  });
});
