import { describe, expect, it } from 'vitest';
import type { Plan } from '../catalog/catalog-types.ts';
import { startSubscription } from './new-subscription.ts';
import { moveSubscription, resumeTarget } from './transition.ts';

const trialPlan: Plan = {
  id: 'pln_trial', serviceId: 'svc_docs', serviceSlug: 'scai-docs', slug: 'pro', planKey: 'scai-docs.pro', name: 'Pro', description: '', tier: 'pro',
  isActive: true, isPublic: true, sortOrder: 0, metadata: {}, version: 1, versionId: 'plv_1', billingPeriod: 'monthly', basePriceCents: 1900,
  currency: 'EUR', features: { items: [], unit: '' }, quotas: {}, trialDays: 14, pricingTiers: [], createdAt: new Date(0), updatedAt: new Date(0),
};
const start = new Date('2026-12-01T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);
const trialing = () => startSubscription({ tenant: { id: 'tnt_a', partnerId: 'prt_p' }, plan: trialPlan, now: start, trialAllowed: true }).next;

describe('pausing a trial', () => {
  it('resumes into the trial while it runs, with the same end and no new activation', () => {
    const paused = moveSubscription(trialing(), 'suspended', day(3), { suspendReason: 'tenant_suspended' }).next;
    expect(resumeTarget(paused, day(5))).toBe('trialing');
    const resumed = moveSubscription(paused, 'trialing', day(5));
    expect(resumed.next).toMatchObject({ status: 'trialing', suspendedReason: null, trialEndDate: day(14), currentPeriodEnd: day(14) });
    expect(resumed.effects).toEqual([{ kind: 'resumed' }]);
  });

  it('resumes as active with its first paid period from the resumption when the trial ended during the pause', () => {
    const paused = moveSubscription(trialing(), 'suspended', day(3), { suspendReason: 'admin' }).next;
    expect(resumeTarget(paused, day(20))).toBe('active');
    expect(() => moveSubscription(paused, 'trialing', day(20))).toThrow(expect.objectContaining({ code: 'bad_request' }));
    const resumed = moveSubscription(paused, 'active', day(20)).next;
    expect(resumed).toMatchObject({ status: 'active', currentPeriodStart: day(20), billingAnchor: day(20), currentPeriodEnd: new Date('2027-01-21T00:00:00Z') });
  });

  it('resumes a paid subscription on the period it was paused in', () => {
    const paid = moveSubscription(trialing(), 'active', day(14)).next;
    const paused = moveSubscription(paid, 'suspended', day(20)).next;
    expect(resumeTarget(paused, day(22))).toBe('active');
    expect(moveSubscription(paused, 'active', day(22)).next).toMatchObject({ currentPeriodStart: day(14), currentPeriodEnd: paid.currentPeriodEnd });
  });
});
