import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canMove, isFinal, LIVE_STATES, move, SUBSCRIPTION_STATES, type SubscriptionState } from './subscription-state.ts';

// The table of domain.md (plus the design pause moves active → suspended, trialing ⇄
// suspended), written out again on
// purpose: the test must not read the module's own table.
const DOMAIN_MOVES = new Set([
  'pending>trialing', 'pending>active', 'pending>cancelled',
  'trialing>active', 'trialing>cancelled', 'trialing>suspended',
  'active>past_due', 'active>cancelling', 'active>suspended', 'active>cancelled', 'active>expired',
  'past_due>active', 'past_due>suspended', 'past_due>cancelled',
  'suspended>active', 'suspended>cancelled', 'suspended>trialing',
  'cancelling>cancelled', 'cancelling>active',
]);

const pairs = SUBSCRIPTION_STATES.flatMap((from) => SUBSCRIPTION_STATES.map((to) => [from, to] as const));

describe('subscription state machine', () => {
  it.each(pairs.filter(([f, t]) => DOMAIN_MOVES.has(`${f}>${t}`)))('allows %s → %s', (from, to) => {
    expect(move(from, to)).toBe(to);
  });

  it.each(pairs.filter(([f, t]) => !DOMAIN_MOVES.has(`${f}>${t}`)))('refuses %s → %s with 400 bad_request', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(() => move(from, to)).toThrow(expect.objectContaining({ code: 'bad_request', details: expect.objectContaining({ from, to }) }));
  });

  it('has cancelled and expired as its only final states', () => {
    expect(SUBSCRIPTION_STATES.filter(isFinal)).toEqual(['cancelled', 'expired']);
    expect(LIVE_STATES).toEqual(['pending', 'trialing', 'active', 'past_due', 'cancelling', 'suspended']);
  });

  it('keeps any sequence of attempted moves inside the machine, and replaying the accepted ones ends in the same state', () => {
    const state = fc.constantFrom(...SUBSCRIPTION_STATES);
    fc.assert(
      fc.property(fc.array(state, { maxLength: 40 }), (attempts) => {
        let current: SubscriptionState = 'pending';
        const accepted: SubscriptionState[] = [];
        for (const target of attempts) {
          try {
            current = move(current, target);
            accepted.push(target);
          } catch {
            // refused: the state stays as it was
          }
          expect(SUBSCRIPTION_STATES).toContain(current);
        }
        const replayed = accepted.reduce<SubscriptionState>((from, to) => move(from, to), 'pending');
        expect(replayed).toBe(current);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
