import type { Outbox } from '@scai/events';
import type { Tx } from '../store/prisma.ts';
import { nextPeriod } from '../subscriptions/periods.ts';
import { canMove, isFinal, move, type SubscriptionState } from '../subscriptions/subscription-state.ts';
import type { SubscriptionStore } from '../subscriptions/subscription-store.ts';
import type { Actor, Subscription, SuspendReason } from '../subscriptions/subscription-types.ts';
import { moveSubscription } from '../subscriptions/transition.ts';
import { packCancelledEvent, packChangedEvent, type PackChangeKind } from './pack-subscription-events.ts';
import type { PackSubscriptionStore } from './pack-subscription-store.ts';
import type { PackSubscription } from './pack-subscription-types.ts';

export interface PackLifecycleDeps {
  subscriptions: SubscriptionStore;
  packSubscriptions: PackSubscriptionStore;
  outbox: Outbox;
}

export type PackLifecycle = ReturnType<typeof createPackLifecycle>;

/**
 * How a pack subscription moves: on the subscriptions' state machine, its children moved
 * with it in the same transaction (they follow the pack's status and its periods), one
 * audit row for the pack and one per child, and one pack-level event.
 */
export function createPackLifecycle(deps: PackLifecycleDeps) {
  async function moveChildren(tx: Tx, pack: PackSubscription, to: SubscriptionState, now: Date, actor: Actor, reason?: SuspendReason): Promise<Subscription[]> {
    const children: Subscription[] = [];
    for (const child of pack.children) {
      // A child already there, or that cannot go there (it ended), stays as it is.
      if (child.status === to || !canMove(child.status, to)) {
        children.push(child);
        continue;
      }
      const moved = moveSubscription(child, to, now, { suspendReason: reason });
      children.push(await deps.subscriptions.write(tx, { before: child, after: moved.next, effects: moved.effects, actor, now }));
    }
    return children;
  }

  return {
    /**
     * Moves the pack and its children to `to` (400 when the pack may not go there).
     * Cancelling ends every child at once; suspending records why, so only the same kind
     * of cause resumes it.
     */
    async move(tx: Tx, pack: PackSubscription, to: 'cancelled' | 'suspended' | 'active', now: Date, actor: Actor, reason?: SuspendReason): Promise<PackSubscription> {
      move(pack.status, to);
      const children = await moveChildren(tx, pack, to, now, actor, reason);
      const after: PackSubscription = {
        ...pack,
        status: to,
        suspendedReason: to === 'suspended' ? (reason ?? 'admin') : null,
        cancelledAt: to === 'cancelled' ? now : pack.cancelledAt,
        updatedAt: now,
        children,
      };
      const changeKind: PackChangeKind | 'cancelled' = to === 'cancelled' ? 'cancelled' : to === 'suspended' ? 'suspended' : 'resumed';
      await deps.packSubscriptions.write(tx, { before: pack, after, changeKind, actor, now });
      const event = changeKind === 'cancelled' ? packCancelledEvent(after, now) : packChangedEvent(after, changeKind, pack.status, now);
      await deps.outbox.add(tx, event);
      return after;
    },

    /**
     * Rolls the pack's period over (as many times as it takes to reach `now`) and gives
     * each live child the same period: the pack is the line on the invoice, and its
     * children's quotas run on its periods.
     */
    async renew(tx: Tx, pack: PackSubscription, now: Date, actor: Actor): Promise<PackSubscription> {
      const period = nextPeriod({ start: pack.currentPeriodStart, end: pack.currentPeriodEnd ?? now }, pack.billingPeriod, now, pack.billingAnchor);
      const children: Subscription[] = [];
      for (const child of pack.children) {
        if (isFinal(child.status)) {
          children.push(child);
          continue;
        }
        const renewed = { ...child, currentPeriodStart: period.start, currentPeriodEnd: period.end, updatedAt: now };
        const effects = [{ kind: 'changed' as const, changeKind: 'renewal' as const, previousStatus: child.status }];
        children.push(await deps.subscriptions.write(tx, { before: child, after: renewed, effects, actor, now }));
      }
      const after: PackSubscription = { ...pack, currentPeriodStart: period.start, currentPeriodEnd: period.end, updatedAt: now, children };
      await deps.packSubscriptions.write(tx, { before: pack, after, changeKind: 'renewal', actor, now });
      await deps.outbox.add(tx, packChangedEvent(after, 'renewal', pack.status, now));
      return after;
    },
  };
}
