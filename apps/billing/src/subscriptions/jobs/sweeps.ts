import { nextPeriod } from '../periods.ts';
import type { Subscription, SubscriptionEffect } from '../subscription-types.ts';
import { moveSubscription } from '../transition.ts';

const DAY_MS = 86_400_000;

/** What a sweep does to one due subscription: a change to write, or only events to publish. */
export type SweepResult =
  | { kind: 'change'; next: Subscription; effects: SubscriptionEffect[] }
  | { kind: 'notice'; notice: string; effects: SubscriptionEffect[] };

/**
 * One kind of scheduled work over subscriptions. `due` is a SQL condition on
 * `subscriptions` with `$1::timestamptz` = now (and `$2` for the sweep's own parameter); rows are
 * taken one at a time with FOR UPDATE SKIP LOCKED, so two instances never take the same
 * row, and whatever came due while nothing ran is taken on the next run.
 */
export interface Sweep {
  name: string;
  due: string;
  order: string;
  parameter?: (settings: SweepSettings) => unknown;
  apply(subscription: Subscription, now: Date, settings: SweepSettings): SweepResult;
}

export interface SweepSettings {
  dunningSuspendDays: number;
}

/** The trial-ending notices and the days before the trial's end each is sent at. */
export const TRIAL_NOTICE_DAYS = [7, 3, 1] as const;

/** The notice due when `daysLeft` (rounded up) remain: the nearest threshold not below it. */
export function trialNoticeFor(trialEnd: Date, now: Date): number | null {
  const daysLeft = Math.ceil((trialEnd.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft <= 0) return null;
  return [...TRIAL_NOTICE_DAYS].reverse().find((days) => days >= daysLeft) ?? null;
}

/** A trial that has ended becomes active; its first paid period starts when the trial ended. */
const trialConversion: Sweep = {
  name: 'trial-conversion',
  due: "status = 'trialing' AND trial_end_date <= $1::timestamptz",
  order: 'trial_end_date',
  apply(subscription, now) {
    const endedAt = subscription.trialEndDate ?? now;
    const moved = moveSubscription(subscription, 'active', endedAt);
    return { kind: 'change', next: { ...moved.next, updatedAt: now }, effects: moved.effects };
  },
};

/** The reaper: a scheduled cancellation takes effect at its date. */
const reaper: Sweep = {
  name: 'reaper',
  due: "status = 'cancelling' AND pending_cancellation_at <= $1::timestamptz",
  order: 'pending_cancellation_at',
  apply(subscription, now) {
    const moved = moveSubscription(subscription, 'cancelled', now, { atPeriodEnd: true });
    return { kind: 'change', ...moved };
  },
};

/**
 * A period that has ended rolls over (as many times as it takes to reach now). A pack's
 * children are left out: they take the pack's periods when the pack renews.
 */
const renewal: Sweep = {
  name: 'renewal',
  due: "status IN ('active', 'past_due') AND billing_period <> 'one_time' AND current_period_end <= $1::timestamptz AND pack_subscription_id IS NULL",
  order: 'current_period_end',
  apply(subscription, now) {
    const period = nextPeriod({ start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd ?? now }, subscription.billingPeriod, now, subscription.billingAnchor);
    return {
      kind: 'change',
      next: { ...subscription, currentPeriodStart: period.start, currentPeriodEnd: period.end, updatedAt: now },
      effects: [{ kind: 'changed', changeKind: 'renewal', previousStatus: subscription.status }],
    };
  },
};

/** Dunning's last step: past due for the configured days → suspended. The payments work drives the retries before it. */
const dunning: Sweep = {
  name: 'dunning',
  due: "status = 'past_due' AND past_due_since <= $1::timestamptz - make_interval(days => $2::int)",
  order: 'past_due_since',
  parameter: (settings) => settings.dunningSuspendDays,
  apply(subscription, now) {
    const moved = moveSubscription(subscription, 'suspended', now, { suspendReason: 'dunning' });
    return { kind: 'change', ...moved };
  },
};

/** `subscription.trial_ending` at 7, 3 and 1 days left, each once. */
const trialEnding: Sweep = {
  name: 'trial-ending',
  due: `status = 'trialing' AND trial_end_date > $1::timestamptz AND trial_end_date <= $1::timestamptz + interval '7 days'
    AND NOT EXISTS (
      SELECT 1 FROM subscription_notices n WHERE n.subscription_id = subscriptions.id
        AND n.notice = 'trial_ending_' || (CASE WHEN trial_end_date <= $1::timestamptz + interval '1 day' THEN 1 WHEN trial_end_date <= $1::timestamptz + interval '3 days' THEN 3 ELSE 7 END))`,
  order: 'trial_end_date',
  apply(subscription, now) {
    const days = trialNoticeFor(subscription.trialEndDate ?? now, now) ?? 1;
    return { kind: 'notice', notice: `trial_ending_${days}`, effects: [{ kind: 'trial_ending', daysLeft: days }] };
  },
};

/** In the order one run applies them: a converted trial may renew in the same run. */
export const SWEEPS: readonly Sweep[] = [trialConversion, reaper, renewal, dunning, trialEnding];
