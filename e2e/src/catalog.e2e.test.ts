import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, createPartner, createTenant, type AdminUser } from './fixtures.ts';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';

interface PlanBody {
  id: string;
  plan_key: string;
  base_price_cents: number;
  currency: string;
  version: number;
  mrr_cents: number;
  pricing_tiers: unknown[];
  is_public: boolean;
}
interface ServiceBody {
  id: string;
  slug: string;
  plans: PlanBody[];
  packs: string[];
}
interface PackBody {
  id: string;
  slug: string;
  price: { amount_cents: number; currency: string };
  is_active: boolean;
}
type Validation = ErrorBody & { detail: { loc: (string | number)[] }[] };

let root: string;
let tenantAdmin: AdminUser;
let partnerAdmin: AdminUser;

beforeAll(async () => {
  root = await superAdminToken();
  const partner = await createPartner(root);
  const tenant = await createTenant(root, partner.id);
  tenantAdmin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
  partnerAdmin = await createAdmin('partner_admin', { partnerId: partner.id });
});

describe('Catalog through the gateway', () => {
  it('shows the default catalog to anyone, without a token', async () => {
    const listed = await api<{ data: ServiceBody[] }>('GET', '/api/v1/catalog/services');
    expect(listed.status).toBe(200);
    const chat = listed.body.data.find((s) => s.slug === 'scai-chat');
    expect(chat?.plans.map((p) => p.plan_key)).toEqual(['scai-chat.free', 'scai-chat.pro', 'scai-chat.enterprise']);
    expect(chat?.packs).toEqual(['productivity-suite']);
    expect(listed.body.data.flatMap((s) => s.plans).every((p) => p.is_public)).toBe(true);
  });

  it('reads services and plans with services:read; by key or id; hidden ones are 404', async () => {
    const token = tenantAdmin.token;
    const pro = await api<{ data: PlanBody }>('GET', '/api/v1/catalog/plans/scai-chat.pro', { token });
    expect(pro.status).toBe(200);
    expect(pro.body.data).toMatchObject({ base_price_cents: 2900, currency: 'EUR', mrr_cents: 2900 });
    expect(pro.body.data.pricing_tiers).toHaveLength(2);
    expect((await api('GET', `/api/v1/catalog/plans/${pro.body.data.id}`, { token })).status).toBe(200);
    expect((await api('GET', '/api/v1/catalog/plans/scai-docs.enterprise', { token })).status).toBe(404);
    expect((await api('GET', '/api/v1/catalog/plans/nope.nope', { token })).status).toBe(404);
    expect((await api('GET', '/api/v1/catalog/plans/scai-chat.pro')).status).toBe(401);
    const byTier = await api<{ data: PlanBody[] }>('GET', '/api/v1/catalog/plans?tier=enterprise', { token });
    expect(byTier.body.data.map((p) => p.plan_key)).toEqual(['scai-chat.enterprise']);
    const service = await api<{ data: ServiceBody }>('GET', '/api/v1/catalog/services/scai-docs', { token });
    expect(service.body.data.plans.map((p) => p.plan_key)).toEqual(['scai-docs.trial', 'scai-docs.pro']);
  });

  it('lets a platform admin add a service and a plan, and versions its price', async () => {
    const slug = unique('svc').toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const service = await api<{ data: ServiceBody }>('POST', '/api/v1/admin/catalog/services', { token: root, body: { slug, name: 'Voice' } });
    expect(service.status).toBe(201);
    const plan = await api<{ data: PlanBody }>('POST', '/api/v1/admin/catalog/plans', {
      token: root,
      body: { service_id: slug, slug: 'team', name: 'Team', tier: 'starter', billing_period: 'quarterly', base_price_cents: 3000, currency: 'EUR', trial_days: 7 },
    });
    expect(plan.status).toBe(201);
    expect(plan.body.data).toMatchObject({ plan_key: `${slug}.team`, version: 1, mrr_cents: 1000 });
    const repriced = await api<{ data: PlanBody }>('PUT', `/api/v1/admin/catalog/plans/${plan.body.data.id}`, { token: root, body: { base_price_cents: 3300 } });
    expect(repriced.body.data).toMatchObject({ version: 2, base_price_cents: 3300, mrr_cents: 1100 });
    const tiers = await api<{ data: PlanBody }>('PUT', `/api/v1/admin/catalog/plans/${plan.body.data.id}/pricing-tiers`, {
      token: root,
      body: { pricing_tiers: [{ metric: 'minutes', tier_start: 0, tier_end: null, unit_price_cents: 3, unit_label: 'minute', unit_divisor: 1 }] },
    });
    expect(tiers.body.data).toMatchObject({ version: 3 });
    expect((await api('GET', `/api/v1/catalog/plans/${slug}.team`, { token: tenantAdmin.token })).status).toBe(200);
    expect((await api('PUT', `/api/v1/admin/catalog/services/${slug}`, { token: root, body: { is_public: false } })).status).toBe(200);
    expect((await api('GET', `/api/v1/catalog/plans/${slug}.team`, { token: tenantAdmin.token })).status).toBe(404);
  });

  it('refuses bad plans in the envelope and writes nothing', async () => {
    const base = { service_id: 'scai-chat', name: 'X', tier: 'pro', billing_period: 'monthly', base_price_cents: 100, currency: 'EUR' };
    const cases: [Record<string, unknown>, number, (string | number)[]][] = [
      [{ ...base, slug: 'neg', base_price_cents: -1 }, 422, ['body', 'base_price_cents']],
      [{ ...base, slug: 'frac', base_price_cents: 9.99 }, 422, ['body', 'base_price_cents']],
      [{ ...base, slug: 'cur', currency: 'XYZ' }, 422, ['body', 'currency']],
      [{ ...base, slug: 'lower', currency: 'eur' }, 422, ['body', 'currency']],
      [{ ...base, slug: 'tiers', pricing_tiers: [{ metric: 'tokens', tier_start: 5, tier_end: null, unit_price_cents: 1, unit_label: 't', unit_divisor: 1 }] }, 422, ['body', 'pricing_tiers', 0, 'tier_start']],
    ];
    for (const [body, status, loc] of cases) {
      const answer = await api<Validation>('POST', '/api/v1/admin/catalog/plans', { token: root, body });
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.code).toBe('validation_error');
      expect(answer.body.detail.map((d) => d.loc)).toContainEqual(loc);
      expect((await api('GET', `/api/v1/catalog/plans/scai-chat.${body.slug as string}`, { token: root })).status).toBe(404);
    }
    const unknownService = await api<ErrorBody>('POST', '/api/v1/admin/catalog/plans', { token: root, body: { ...base, service_id: 'no-such-service', slug: 'x' } });
    expect(unknownService.status).toBe(404);
    const duplicate = await api<ErrorBody>('POST', '/api/v1/admin/catalog/plans', { token: root, body: { ...base, slug: 'pro' } });
    expect(duplicate.status).toBe(409);
  });

  it('keeps catalog writes with the platform: a tenant admin and a partner admin are refused', async () => {
    const pro = await api<{ data: PlanBody }>('GET', '/api/v1/catalog/plans/scai-chat.pro', { token: root });
    for (const token of [tenantAdmin.token, partnerAdmin.token]) {
      const answer = await api<ErrorBody>('PUT', `/api/v1/admin/catalog/plans/${pro.body.data.id}`, { token, body: { base_price_cents: 1 } });
      expect(answer.status).toBe(403);
      expect((await api('POST', '/api/v1/admin/service-packs', { token, body: { slug: 'x', name: 'X', discount_type: 'fixed_price', currency: 'EUR', billing_period: 'monthly', items: [{ plan_key: 'scai-chat.pro' }] } })).status).toBe(403);
    }
    expect((await api('GET', '/api/v1/admin/service-packs', { token: tenantAdmin.token })).status).toBe(403);
    expect((await api<{ data: PlanBody }>('GET', '/api/v1/catalog/plans/scai-chat.pro', { token: root })).body.data.base_price_cents).toBe(2900);
  });
});

describe('Service packs through the gateway', () => {
  it('prices the default pack and lets a platform admin create, change and retire packs', async () => {
    const listed = await api<{ data: PackBody[]; pagination: { total: number } }>('GET', '/api/v1/service-packs', { token: tenantAdmin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((p) => p.slug === 'productivity-suite')?.price).toEqual({ amount_cents: 4080, currency: 'EUR' });

    const slug = unique('pack').toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const created = await api<{ data: PackBody }>('POST', '/api/v1/admin/service-packs', {
      token: root,
      body: { slug, name: 'Chat + Docs', discount_type: 'fixed_price', base_price_cents: 3900, currency: 'EUR', billing_period: 'monthly', items: [{ plan_key: 'scai-chat.pro' }, { plan_key: 'scai-docs.pro' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.price).toEqual({ amount_cents: 3900, currency: 'EUR' });
    const changed = await api<{ data: PackBody }>('PUT', `/api/v1/admin/service-packs/${created.body.data.id}`, { token: root, body: { discount_type: 'percentage', discount_percent: '12.5' } });
    expect(changed.body.data.price).toEqual({ amount_cents: 4200, currency: 'EUR' });
    const badItem = await api<Validation>('POST', '/api/v1/admin/service-packs', {
      token: root,
      body: { slug: `${slug}-b`, name: 'Bad', discount_type: 'percentage', discount_percent: '101', currency: 'EUR', billing_period: 'monthly', items: [{ plan_key: 'nope.nope' }] },
    });
    expect(badItem.status).toBe(422);
    expect((await api('DELETE', `/api/v1/admin/service-packs/${created.body.data.id}`, { token: root })).status).toBe(204);
    expect((await api('GET', `/api/v1/service-packs/${slug}`, { token: tenantAdmin.token })).status).toBe(404);
    const retired = await api<{ data: PackBody }>('GET', `/api/v1/admin/service-packs/${slug}`, { token: root });
    expect(retired.body.data.is_active).toBe(false);
  });
});
