import { subscriptionAction } from './subscription-action.ts';
import { ChangePlan } from './subscription-schemas.ts';
import { SUBSCRIPTIONS_TAG } from './tag.ts';

const manage = { scope: 'subscriptions:manage', access: 'write' } as const;

export const cancelSubscription = subscriptionAction({
  operationId: 'cancelSubscription',
  path: '/api/v1/subscriptions/:subscription_id/cancel',
  tag: SUBSCRIPTIONS_TAG,
  summary: 'Cancel Subscription',
  description: 'An active subscription runs to the end of its period (`cancelling`, `pending_cancellation_at` set); a trial, a past-due or a suspended one ends at once.',
  auth: manage,
  call: (clients, id, _body, call) => clients.subscriptions.cancelSubscription({ id, asAdmin: false, immediate: false }, call),
});

export const undoCancelSubscription = subscriptionAction({
  operationId: 'undoCancelSubscription',
  path: '/api/v1/subscriptions/:subscription_id/undo-cancel',
  tag: SUBSCRIPTIONS_TAG,
  summary: 'Undo Cancel Subscription',
  description: 'A `cancelling` subscription goes back to `active`; nothing else resumes here.',
  auth: manage,
  call: (clients, id, _body, call) => clients.subscriptions.resumeSubscription({ id, asAdmin: false }, call),
});

export const changeSubscriptionPlan = subscriptionAction({
  operationId: 'changeSubscriptionPlan',
  path: '/api/v1/subscriptions/:subscription_id/change-plan',
  tag: SUBSCRIPTIONS_TAG,
  summary: 'Change Subscription Plan',
  description:
    'Move to another plan of the same service. Prorated by the day: the unused days of the old plan are credited and the new plan charged as pending items for the next invoice. A trial converts to active.',
  auth: manage,
  body: ChangePlan,
  call: (clients, id, body, call) => clients.subscriptions.changePlan({ id, planKey: body.plan_key, asAdmin: false }, call),
});
