import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { waitFor } from '@scai/events/testing';
import { signedInTenantMember, twoTenants, type AdminUser } from './fixtures.ts';
import { api, login, superAdminToken, type ErrorBody } from './http.ts';
import { eventuallyMatching } from './stream-events.ts';

interface Child {
  id: string;
  plan_key: string;
  status: string;
  unit_price_cents: number;
  pack_subscription_id: string | null;
  suspended_reason: string | null;
}

interface PackSub {
  id: string;
  tenant_id: string;
  pack_slug: string;
  status: string;
  price_cents: number;
  mrr_cents: number;
  suspended_reason: string | null;
  children: Child[];
}

interface Summary {
  live_subscriptions: number;
  live_packs: number;
  mrr: { currency: string; amount_cents: number }[];
}

const profile = { company_name: 'Pack Buyer B.V.', address_line1: 'Dam 1', postal_code: '1012 JS', city: 'Amsterdam', country_code: 'NL', contact_email: 'billing@packbuyer.test' };

let nc: NatsConnection;
let root: string;
let adminA: AdminUser;
let adminB: AdminUser;
let memberA: string;
let tenantA: { id: string; slug: string };

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
  let tenantB: { id: string };
  ({ tenantA, tenantB, adminA, adminB } = await twoTenants(root));
  memberA = await signedInTenantMember(root, tenantA);
  for (const tenant of [tenantA, tenantB]) {
    expect((await api('PUT', `/api/v1/admin/tenants/${tenant.id}/billing-profile`, { token: root, body: profile })).status).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await nc?.close();
});

const buy = (token: string, key: string) => api<{ data: PackSub }>('POST', '/api/v1/service-packs/productivity-suite/subscribe', { token, headers: { 'idempotency-key': key } });
const packOf = async (id: string) => (await api<{ data: PackSub }>('GET', `/api/v1/service-packs/subscriptions/${id}`, { token: root })).body.data;
const summaryOf = async (tenantId: string) => (await api<{ data: { billing: Summary } }>('GET', `/api/v1/admin/tenants/${tenantId}`, { token: root })).body.data.billing;

describe('service pack subscriptions through the gateway', () => {
  let pack: PackSub;

  it('lets a member read but not buy; a tenant admin buys once per Idempotency-Key, children priced by the pack', async () => {
    const refused = await buy(memberA, 'e2e-pack-member');
    expect(refused.status).toBe(403);
    expect((await api<{ data: PackSub[] }>('GET', '/api/v1/service-packs/subscriptions', { token: memberA })).status).toBe(200);

    const bought = await buy(adminA.token, 'e2e-pack-1');
    expect(bought.status).toBe(201);
    pack = bought.body.data;
    expect(pack).toMatchObject({ tenant_id: tenantA.id, pack_slug: 'productivity-suite', status: 'active', price_cents: 4080, mrr_cents: 4080 });
    expect(pack.children.map((child) => [child.plan_key, child.status, child.unit_price_cents, child.pack_subscription_id])).toEqual([
      ['scai-chat.pro', 'active', 0, pack.id],
      ['scai-docs.pro', 'active', 0, pack.id],
    ]);
    const replay = await buy(adminA.token, 'e2e-pack-1');
    expect([replay.status, replay.headers.get('idempotent-replayed'), replay.body.data.id]).toEqual([201, 'true', pack.id]);
    expect((await buy(adminA.token, 'e2e-pack-2')).status).toBe(409);
    // A service the pack holds cannot also be bought alone, and a child does not move alone.
    const single = await api<ErrorBody>('POST', '/api/v1/subscriptions', { token: adminA.token, body: { plan_key: 'scai-chat.free' } });
    expect(single.status).toBe(409);
    const childCancel = await api<ErrorBody>('POST', `/api/v1/subscriptions/${pack.children[0].id}/cancel`, { token: adminA.token });
    expect([childCancel.status, childCancel.body.error.code]).toEqual([409, 'conflict']);

    const [activated] = await eventuallyMatching(nc, 'billing', (event) => event.type === 'scai.billing.pack_subscription.activated' && event.subject === pack.id);
    expect(activated.data).toMatchObject({ tenant_id: tenantA.id, mrr_amount_cents: 4080, children: pack.children.map((child) => expect.objectContaining({ subscription_id: child.id })) });
    expect(await summaryOf(tenantA.id)).toMatchObject({ live_subscriptions: 2, live_packs: 1, mrr: [{ currency: 'EUR', amount_cents: 4080 }] });
  });

  it('keeps another tenant out: 404 for the pack, nothing of it listed', async () => {
    expect((await api('GET', `/api/v1/service-packs/subscriptions/${pack.id}`, { token: adminB.token })).status).toBe(404);
    expect((await api('POST', `/api/v1/service-packs/subscriptions/${pack.id}/cancel`, { token: adminB.token })).status).toBe(404);
    const theirs = await api<{ data: PackSub[] }>('GET', '/api/v1/service-packs/subscriptions', { token: adminB.token });
    expect(theirs.body.data).toEqual([]);
    expect((await packOf(pack.id)).status).toBe('active');
  });

  it('suspends the pack and its children with the tenant, and resumes them when the tenant is active again', async () => {
    expect((await api('PATCH', `/api/v1/admin/tenants/${tenantA.id}`, { token: root, body: { status: 'SUSPENDED' } })).status).toBe(200);
    await waitFor(async () => (await packOf(pack.id)).status === 'suspended', 15_000, 200);
    const paused = await packOf(pack.id);
    expect(paused.suspended_reason).toBe('tenant_suspended');
    expect(paused.children.map((child) => child.status)).toEqual(['suspended', 'suspended']);
    expect((await summaryOf(tenantA.id)).mrr).toEqual([]);

    expect((await api('PATCH', `/api/v1/admin/tenants/${tenantA.id}`, { token: root, body: { status: 'ACTIVE' } })).status).toBe(200);
    await waitFor(async () => (await packOf(pack.id)).status === 'active', 15_000, 200);
    expect((await packOf(pack.id)).children.map((child) => child.status)).toEqual(['active', 'active']);
    const changes = await eventuallyMatching(nc, 'billing', (event) => event.type === 'scai.billing.pack_subscription.changed' && event.subject === pack.id, 2);
    expect(changes.map((event) => event.data.change_kind)).toEqual(['suspended', 'resumed']);
  });

  it('cancels the pack and every child at once', async () => {
    // The suspension revoked the sessions of the tenant's users: its admin signs in again.
    const token = (await login(adminA.email, adminA.password)).access_token;
    const cancelled = await api<{ data: PackSub }>('POST', `/api/v1/service-packs/subscriptions/${pack.id}/cancel`, { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled', mrr_cents: 0 });
    expect(cancelled.body.data.children.map((child) => child.status)).toEqual(['cancelled', 'cancelled']);
    const [event] = await eventuallyMatching(nc, 'billing', (e) => e.type === 'scai.billing.pack_subscription.cancelled' && e.subject === pack.id);
    expect(event.data).toMatchObject({ terminal_state: 'cancelled', effective_immediately: true });
    expect(await summaryOf(tenantA.id)).toMatchObject({ live_subscriptions: 0, live_packs: 0, mrr: [] });
    expect((await api('POST', `/api/v1/service-packs/subscriptions/${pack.id}/cancel`, { token })).status).toBe(400);
  });
});
