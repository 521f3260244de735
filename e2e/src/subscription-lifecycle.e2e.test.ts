import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createAdmin, createPartner, createTenant, type AdminUser } from './fixtures.ts';
import { api, superAdminToken } from './http.ts';
import { eventuallyMatching } from './stream-events.ts';

interface Sub {
  id: string;
  status: string;
  plan_key: string;
  trial_end_date: string | null;
  current_period_start: string;
  current_period_end: string | null;
}

const DAY = 86_400_000;
const profile = { company_name: 'Lifecycle B.V.', address_line1: 'Dam 1', postal_code: '1012 JS', city: 'Amsterdam', country_code: 'NL', contact_email: 'billing@lifecycle.test' };

let nc: NatsConnection;
let root: string;
let admin: AdminUser;

/** Moves the platform's clock (and runs the jobs that came due), as only a test setting allows. */
async function clockAt(at: Date): Promise<Record<string, number>> {
  const moved = await api<{ data: { now: string; jobs_applied: Record<string, number> } }>('PUT', '/api/v1/_test/clock', { token: root, body: { now: at.toISOString() } });
  if (moved.status !== 200) throw new Error(`clock answered ${moved.status}: ${JSON.stringify(moved.body)}`);
  return moved.body.data.jobs_applied;
}

const read = async (id: string) => (await api<{ data: Sub }>('GET', `/api/v1/subscriptions/${id}`, { token: admin.token })).body.data;
const post = (path: string, body?: unknown) => api<{ data: Sub }>('POST', path, { token: admin.token, body });

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
  const partner = await createPartner(root);
  const tenant = await createTenant(root, partner.id);
  admin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
  expect((await api('PUT', '/api/v1/billing/billing-profile', { token: admin.token, body: profile })).status).toBe(200);
}, 60_000);

afterAll(async () => {
  // The files after this one run on the real time again.
  await clockAt(new Date());
  await nc?.close();
});

describe('a subscription’s life through the gateway, with the clock moved by the test control', () => {
  it('trial → 7/3/1-day notices → converts → prorated plan change → cancel, undo, cancel → reaped at period end', async () => {
    const created = await api<{ data: Sub }>('POST', '/api/v1/subscriptions', { token: admin.token, body: { plan_key: 'scai-chat.pro' }, headers: { 'idempotency-key': `life-${Date.now()}` } });
    expect(created.status).toBe(201);
    const subscription = created.body.data;
    expect(subscription.status).toBe('trialing');
    const trialEnd = new Date(subscription.trial_end_date!);

    for (const daysLeft of [7, 3, 1]) await clockAt(new Date(trialEnd.getTime() - daysLeft * DAY));
    await clockAt(new Date(trialEnd.getTime() - DAY + 60_000));
    const notices = await eventuallyMatching(nc, 'billing', (event) => event.subject === subscription.id && event.type === 'scai.billing.subscription.trial_ending', 3);
    expect(notices.map((event) => event.data.days_left)).toEqual([7, 3, 1]);

    expect((await clockAt(new Date(trialEnd.getTime() + 60_000)))['trial-conversion']).toBeGreaterThanOrEqual(1);
    const converted = await read(subscription.id);
    expect(converted).toMatchObject({ status: 'active', current_period_start: trialEnd.toISOString() });

    await clockAt(new Date(trialEnd.getTime() + 10 * DAY));
    const changed = await post(`/api/v1/subscriptions/${subscription.id}/change-plan`, { plan_key: 'scai-chat.free' });
    expect(changed.body.data).toMatchObject({ plan_key: 'scai-chat.free', status: 'active' });
    const items = await api<{ data: { kind: string; amount_cents: number }[] }>('GET', `/api/v1/subscriptions/${subscription.id}/pending-items`, { token: admin.token });
    const periodDays = Math.round((Date.parse(converted.current_period_end!) - trialEnd.getTime()) / DAY);
    expect(items.body.data).toEqual([expect.objectContaining({ kind: 'proration_credit', amount_cents: -Math.round((2900 * (periodDays - 10)) / periodDays) })]);

    expect((await post(`/api/v1/subscriptions/${subscription.id}/cancel`)).body.data.status).toBe('cancelling');
    expect((await post(`/api/v1/subscriptions/${subscription.id}/undo-cancel`)).body.data.status).toBe('active');
    const cancelling = (await post(`/api/v1/subscriptions/${subscription.id}/cancel`)).body.data;
    expect(cancelling.status).toBe('cancelling');

    expect((await clockAt(new Date(Date.parse(cancelling.current_period_end!) + 60_000))).reaper).toBeGreaterThanOrEqual(1);
    expect((await read(subscription.id)).status).toBe('cancelled');
    const [reaped] = await eventuallyMatching(nc, 'billing', (event) => event.subject === subscription.id && event.type === 'scai.billing.subscription.cancelled');
    expect(reaped.data).toMatchObject({ effective_immediately: false, terminal_state: 'cancelled' });
  });
});
