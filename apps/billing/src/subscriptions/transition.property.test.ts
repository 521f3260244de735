import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../catalog/catalog-types.ts';
import { startSubscription } from './new-subscription.ts';
import { subscriptionEvents } from './subscription-events.ts';
import { canMove, SUBSCRIPTION_STATES, type SubscriptionState } from './subscription-state.ts';
import type { Subscription } from './subscription-types.ts';
import { moveSubscription, resumeTarget } from './transition.ts';

const plan = (trialDays: number): Plan => ({
  id: 'pln_pro', serviceId: 'svc_chat', serviceSlug: 'scai-chat', slug: 'pro', planKey: 'scai-chat.pro', name: 'Pro', description: '', tier: 'pro',
  isActive: true, isPublic: true, sortOrder: 0, metadata: {}, version: 1, versionId: 'plv_1', billingPeriod: 'monthly', basePriceCents: 2900,
  currency: 'EUR', features: { items: [], unit: '' }, quotas: {}, trialDays, pricingTiers: [], createdAt: new Date(0), updatedAt: new Date(0),
});

/** Invariants the fields must keep in every state. */
function checkFields(subscription: Subscription): void {
  if (subscription.status === 'cancelling') expect(subscription.pendingCancellationAt).not.toBeNull();
  else expect(subscription.pendingCancellationAt).toBeNull();
  if (subscription.status === 'past_due') expect(subscription.pastDueSince).not.toBeNull();
  if (subscription.status === 'suspended') expect(subscription.suspendedReason).not.toBeNull();
  if (subscription.status === 'cancelled' || subscription.status === 'expired') expect(subscription.cancelledAt).not.toBeNull();
  if (subscription.status !== 'pending') expect(subscription.activatedAt).not.toBeNull();
}

describe('subscription moves (property)', () => {
  it('any sequence of admin and tenant actions stays in the machine, keeps its fields consistent, and its events replay to the final state', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.constantFrom(...SUBSCRIPTION_STATES), { maxLength: 25 }), (withTrial, targets) => {
        let now = new Date('2026-12-01T00:00:00Z');
        const started = startSubscription({ tenant: { id: 't', partnerId: 'p' }, plan: plan(withTrial ? 14 : 0), now, trialAllowed: true });
        let subscription = started.next;
        const events = subscriptionEvents(subscription, started.effects, now);
        for (const to of targets) {
          now = new Date(now.getTime() + 3_600_000);
          const from: SubscriptionState = subscription.status;
          if (!canMove(from, to)) {
            // A refused move throws and leaves the subscription as it was.
            expect(() => moveSubscription(subscription, to, now)).toThrow(expect.objectContaining({ code: 'bad_request' }));
            continue;
          }
          if (from === 'suspended' && to === 'trialing' && resumeTarget(subscription, now) !== 'trialing') {
            // The one conditional move: back into a trial only while that trial runs.
            expect(() => moveSubscription(subscription, to, now)).toThrow(expect.objectContaining({ code: 'bad_request' }));
            continue;
          }
          const moved = moveSubscription(subscription, to, now);
          expect(moved.next.status).toBe(to);
          expect(moved.effects.length).toBeGreaterThan(0);
          events.push(...subscriptionEvents(moved.next, moved.effects, now));
          subscription = moved.next;
          checkFields(subscription);
        }
        // Replaying the events (each carries the subscription after its change) gives the final state.
        const replayed = events.reduce<string | null>((_, event) => (event.data as { status: string }).status, null);
        expect(replayed).toBe(subscription.status);
        expect(events.filter((event) => event.type.endsWith('.activated'))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
