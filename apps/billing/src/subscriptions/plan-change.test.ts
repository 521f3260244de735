import { describe, expect, it } from 'vitest';
import type { Plan } from '../catalog/catalog-types.ts';
import { startSubscription } from './new-subscription.ts';
import { changePlan } from './plan-change.ts';

const plan = (overrides: Partial<Plan>): Plan => ({
  id: 'pln_pro',
  serviceId: 'svc_chat',
  serviceSlug: 'scai-chat',
  slug: 'pro',
  planKey: 'scai-chat.pro',
  name: 'Pro',
  description: '',
  tier: 'pro',
  isActive: true,
  isPublic: true,
  sortOrder: 0,
  metadata: {},
  version: 1,
  versionId: 'plv_pro_1',
  billingPeriod: 'monthly',
  basePriceCents: 3100,
  currency: 'EUR',
  features: { items: [], unit: '' },
  quotas: {},
  trialDays: 0,
  pricingTiers: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});

const start = new Date('2026-12-01T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
const tenant = { id: 'tnt_a', partnerId: 'prt_p' };
const active = (p: Plan) => startSubscription({ tenant, plan: p, now: start, trialAllowed: true }).next;

describe('plan change', () => {
  it('on the same period: credits the unused days of the old plan and charges them on the new one', () => {
    const subscription = active(plan({}));
    const upgrade = changePlan(subscription, plan({ id: 'pln_team', planKey: 'scai-chat.team', versionId: 'plv_team_1', basePriceCents: 6200 }), day(10));
    expect(upgrade.items.map((item) => [item.kind, item.amountCents])).toEqual([['proration_credit', -2100], ['proration_charge', 4200]]);
    expect(upgrade.next).toMatchObject({ planKey: 'scai-chat.team', unitPriceCents: 6200, currentPeriodStart: start, currentPeriodEnd: new Date('2027-01-01T00:00:00Z') });
    expect(upgrade.effects).toEqual([{ kind: 'changed', changeKind: 'plan_change', previousStatus: 'active', previousPlanKey: 'scai-chat.pro' }]);
  });

  it('rounds each line half-even once', () => {
    // 1000 × 15 / 30 = 500 exactly; 1001 × 15 / 30 = 500.5 → 500 (even); 1003 × 15 / 30 = 501.5 → 502.
    const june = new Date('2026-06-01T00:00:00Z');
    const on = (cents: number) => startSubscription({ tenant, plan: plan({ basePriceCents: cents }), now: june, trialAllowed: true }).next;
    const at = new Date('2026-06-16T00:00:00Z');
    const target = plan({ id: 'pln_free', planKey: 'scai-chat.free', basePriceCents: 0 });
    expect(changePlan(on(1000), target, at).items[0].amountCents).toBe(-500);
    expect(changePlan(on(1001), target, at).items[0].amountCents).toBe(-500);
    expect(changePlan(on(1003), target, at).items[0].amountCents).toBe(-502);
  });

  it('to another period: credits the unused days and starts the new plan’s period now, charged in full', () => {
    const yearly = plan({ id: 'pln_ent', planKey: 'scai-chat.enterprise', billingPeriod: 'yearly', basePriceCents: 299000 });
    const change = changePlan(active(plan({})), yearly, day(10));
    expect(change.items.map((item) => [item.kind, item.amountCents])).toEqual([['proration_credit', -2100], ['plan_charge', 299000]]);
    expect(change.next).toMatchObject({ billingPeriod: 'yearly', currentPeriodStart: day(10), currentPeriodEnd: new Date('2027-12-11T00:00:00Z') });
  });

  it('converts a trial without proration, and refuses what cannot change plan', () => {
    const trial = startSubscription({ tenant, plan: plan({ trialDays: 14 }), now: start, trialAllowed: true }).next;
    expect(trial.status).toBe('trialing');
    const converted = changePlan(trial, plan({ id: 'pln_team', planKey: 'scai-chat.team' }), day(3));
    expect(converted).toMatchObject({ items: [], next: { status: 'active', currentPeriodStart: day(3) } });
    const subscription = active(plan({}));
    expect(() => changePlan(subscription, plan({}), day(1))).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() => changePlan(subscription, plan({ id: 'pln_docs', serviceId: 'svc_docs' }), day(1))).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() => changePlan(subscription, plan({ id: 'pln_usd', currency: 'USD' }), day(1))).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => changePlan({ ...subscription, status: 'past_due' }, plan({ id: 'pln_team' }), day(1))).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('a trial is not offered twice', () => {
    expect(startSubscription({ tenant, plan: plan({ trialDays: 14 }), now: start, trialAllowed: false }).next).toMatchObject({ status: 'active', trialEndDate: null });
  });
});
