import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, twoTenants, type AdminUser } from './fixtures.ts';
import { api, superAdminToken, type ErrorBody } from './http.ts';
import { eventuallyMatching } from './stream-events.ts';

interface Sub {
  id: string;
  tenant_id: string;
  plan_key: string;
  status: string;
  trial_end_date: string | null;
  current_period_end: string | null;
  pending_cancellation_at: string | null;
  mrr_cents: number;
}

const profile = { company_name: 'Subscriber B.V.', address_line1: 'Dam 1', postal_code: '1012 JS', city: 'Amsterdam', country_code: 'NL', contact_email: 'billing@subscriber.test' };

let nc: NatsConnection;
let root: string;
let adminA: AdminUser;
let adminB: AdminUser;
let partnerAdminP: AdminUser;
let tenantA: { id: string };
let tenantB: { id: string };

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
  let p: { id: string };
  ({ p, tenantA, tenantB, adminA, adminB } = await twoTenants(root));
  partnerAdminP = await createAdmin('partner_admin', { partnerId: p.id });
}, 60_000);

afterAll(async () => {
  await nc?.close();
});

const subscribe = (token: string, planKey: string, key?: string) =>
  api<{ data: Sub }>('POST', '/api/v1/subscriptions', { token, body: { plan_key: planKey }, headers: key ? { 'idempotency-key': key } : {} });

describe('subscriptions through the gateway', () => {
  it('refuses commerce without a billing profile, naming what is missing', async () => {
    const refused = await subscribe(adminA.token, 'scai-chat.pro');
    expect(refused.status).toBe(409);
    expect((refused.body as unknown as ErrorBody).error).toMatchObject({ code: 'conflict', details: { missing: ['billing_profile'] } });
    expect((await api('PUT', '/api/v1/billing/billing-profile', { token: adminA.token, body: profile })).status).toBe(200);
    expect((await api('PUT', '/api/v1/billing/billing-profile', { token: adminB.token, body: profile })).status).toBe(200);
  });

  it('subscribes to a trial once per Idempotency-Key, and one live subscription per service', async () => {
    const first = await subscribe(adminA.token, 'scai-chat.pro', 'e2e-chat-1');
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ tenant_id: tenantA.id, plan_key: 'scai-chat.pro', status: 'trialing', mrr_cents: 2900 });
    expect(first.body.data.trial_end_date).toBe(first.body.data.current_period_end);

    const replay = await subscribe(adminA.token, 'scai-chat.pro', 'e2e-chat-1');
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.data).toEqual(first.body.data);
    const otherBody = await subscribe(adminA.token, 'scai-chat.free', 'e2e-chat-1');
    expect(otherBody.status).toBe(409);
    const second = await subscribe(adminA.token, 'scai-chat.free');
    expect(second.status).toBe(409);
    expect((second.body as unknown as ErrorBody).error.details).toEqual({ subscription_id: first.body.data.id });

    const activated = await eventuallyMatching(nc, 'billing', (event) => event.subject === first.body.data.id);
    expect(activated[0]).toMatchObject({ type: 'scai.billing.subscription.activated', data: { owner_kind: 'tenant', mrr_amount_cents: 2900, status: 'trialing' } });
  });

  it('answers bad input in the envelope and writes nothing', async () => {
    const before = await api<{ data: Sub[] }>('GET', '/api/v1/subscriptions', { token: adminA.token });
    expect((await subscribe(adminA.token, 'scai-nope.pro')).status).toBe(404);
    expect((await subscribe(adminA.token, 'scai-docs.enterprise')).status).toBe(404);
    expect((await subscribe(adminA.token, 'Not A Key')).status).toBe(422);
    const badKey = await subscribe(adminA.token, 'scai-docs.pro', 'has spaces in it');
    expect(badKey.status).toBe(422);
    const extra = await api('POST', '/api/v1/subscriptions', { token: adminA.token, body: { plan_key: 'scai-docs.pro', price: -1 } });
    expect(extra.status).toBe(422);
    const after = await api<{ data: Sub[] }>('GET', '/api/v1/subscriptions', { token: adminA.token });
    expect(after.body.data.map((s) => s.id)).toEqual(before.body.data.map((s) => s.id));
    const asRoot = await subscribe(root, 'scai-docs.pro');
    expect(asRoot.status).toBe(403);
  });

  it('converts the trial on a plan change, cancels to period end, undoes it; pending items are listed', async () => {
    const [chat] = (await api<{ data: Sub[] }>('GET', '/api/v1/subscriptions?status=trialing', { token: adminA.token })).body.data;
    const changed = await api<{ data: Sub }>('POST', `/api/v1/subscriptions/${chat.id}/change-plan`, { token: adminA.token, body: { plan_key: 'scai-chat.enterprise' } });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ status: 'active', plan_key: 'scai-chat.enterprise' });

    const cancelling = await api<{ data: Sub }>('POST', `/api/v1/subscriptions/${chat.id}/cancel`, { token: adminA.token });
    expect(cancelling.body.data).toMatchObject({ status: 'cancelling', pending_cancellation_at: changed.body.data.current_period_end });
    const twice = await api<ErrorBody>('POST', `/api/v1/subscriptions/${chat.id}/cancel`, { token: adminA.token });
    expect(twice.status).toBe(400);
    expect(twice.body.error.code).toBe('bad_request');
    const undone = await api<{ data: Sub }>('POST', `/api/v1/subscriptions/${chat.id}/undo-cancel`, { token: adminA.token });
    expect(undone.body.data).toMatchObject({ status: 'active', pending_cancellation_at: null });

    const docs = await subscribe(adminA.token, 'scai-docs.pro');
    expect(docs.body.data.status).toBe('active');
    const down = await api<{ data: Sub }>('POST', `/api/v1/subscriptions/${docs.body.data.id}/change-plan`, { token: adminA.token, body: { plan_key: 'scai-docs.trial' } });
    expect(down.status).toBe(200);
    const items = await api<{ data: { kind: string; amount_cents: number }[] }>('GET', `/api/v1/subscriptions/${docs.body.data.id}/pending-items`, { token: adminA.token });
    expect(items.body.data.map((item) => item.kind)).toEqual(['proration_credit']);
    expect(items.body.data[0].amount_cents).toBeLessThan(0);

    const kinds = (await eventuallyMatching(nc, 'billing', (event) => event.subject === chat.id && event.type.endsWith('.changed'), 3)).map((event) => event.data.change_kind);
    expect(kinds).toEqual(['plan_change', 'scheduled_cancellation', 'scheduled_cancellation_undone']);
  });

  it('reach: another tenant gets 404; a partner admin administers only its tenants; bulk reports per id', async () => {
    const mine = (await api<{ data: Sub[] }>('GET', '/api/v1/subscriptions', { token: adminA.token })).body.data;
    expect(mine.length).toBe(2);
    for (const path of [`/api/v1/subscriptions/${mine[0].id}`, `/api/v1/subscriptions/${mine[0].id}/pending-items`]) {
      expect((await api('GET', path, { token: adminB.token })).status).toBe(404);
    }
    expect((await api('POST', `/api/v1/subscriptions/${mine[0].id}/cancel`, { token: adminB.token })).status).toBe(404);
    expect((await api<{ data: Sub[] }>('GET', '/api/v1/subscriptions', { token: adminB.token })).body.data).toEqual([]);

    const bSub = await api<{ data: Sub }>('POST', '/api/v1/admin/subscriptions', { token: root, body: { tenant_id: tenantB.id, plan_key: 'scai-docs.pro' } });
    expect(bSub.status).toBe(201);
    const outOfReach = await api('POST', '/api/v1/admin/subscriptions', { token: partnerAdminP.token, body: { tenant_id: tenantB.id, plan_key: 'scai-chat.free' } });
    expect(outOfReach.status).toBe(404);
    const listed = await api<{ data: Sub[] }>('GET', '/api/v1/admin/subscriptions?page_size=100', { token: partnerAdminP.token });
    expect(new Set(listed.body.data.map((s) => s.tenant_id))).toEqual(new Set([tenantA.id]));

    const bulk = await api<{ data: { succeeded: string[]; failed: { id: string; error: { code: string } }[] } }>('POST', '/api/v1/admin/subscriptions/bulk', {
      token: partnerAdminP.token,
      body: { action: 'suspend', ids: [mine[0].id, bSub.body.data.id, 'sub_unknown'] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.data.succeeded).toEqual([mine[0].id]);
    expect(bulk.body.data.failed.map((failure) => [failure.id, failure.error.code])).toEqual([[bSub.body.data.id, 'not_found'], ['sub_unknown', 'not_found']]);

    const resumed = await api<{ data: Sub }>('POST', `/api/v1/admin/subscriptions/${mine[0].id}/resume`, { token: partnerAdminP.token });
    expect(resumed.body.data.status).toBe('active');
    const ended = await api<{ data: Sub }>('POST', `/api/v1/admin/subscriptions/${bSub.body.data.id}/cancel`, { token: root, body: { immediate: true } });
    expect(ended.body.data.status).toBe('cancelled');
    const overridden = await api<{ data: Sub }>('POST', `/api/v1/admin/subscriptions/${mine[1].id}/override`, { token: root, body: { status: 'past_due' } });
    expect(overridden.body.data).toMatchObject({ status: 'past_due' });
    const refused = await api<ErrorBody>('POST', `/api/v1/admin/subscriptions/${mine[1].id}/override`, { token: root, body: { status: 'trialing' } });
    expect(refused.status).toBe(400);
  });
});
