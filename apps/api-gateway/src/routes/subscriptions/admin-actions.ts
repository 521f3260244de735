import { subscriptionAction } from './subscription-action.ts';
import { AdminCancel, SubscriptionOverride } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG } from './tag.ts';

const adminWrite = { scope: 'admin:subscriptions', access: 'write' } as const;

export const adminOverrideSubscription = subscriptionAction({
  operationId: 'adminOverrideSubscription',
  path: '/api/v1/admin/subscriptions/:subscription_id/override',
  tag: ADMIN_SUBSCRIPTIONS_TAG,
  summary: 'Override Subscription',
  description: 'Change the plan (prorated, hidden plans allowed) and/or move the status along the state machine, in one transaction.',
  auth: adminWrite,
  body: SubscriptionOverride,
  call: (clients, id, body, call) => clients.subscriptions.overrideSubscription({ id, planKey: body.plan_key ?? '', status: body.status ?? '' }, call),
});

export const adminCancelSubscription = subscriptionAction({
  operationId: 'adminCancelSubscription',
  path: '/api/v1/admin/subscriptions/:subscription_id/cancel',
  tag: ADMIN_SUBSCRIPTIONS_TAG,
  summary: 'Cancel Subscription (admin)',
  description: 'At period end by default; `immediate` cancels now.',
  auth: adminWrite,
  body: AdminCancel,
  bodyOptional: true,
  call: (clients, id, body, call) => clients.subscriptions.cancelSubscription({ id, asAdmin: true, immediate: body.immediate ?? false }, call),
});

export const adminResumeSubscription = subscriptionAction({
  operationId: 'adminResumeSubscription',
  path: '/api/v1/admin/subscriptions/:subscription_id/resume',
  tag: ADMIN_SUBSCRIPTIONS_TAG,
  summary: 'Resume Subscription',
  description: '`cancelling` → `active`, `suspended` → `active`.',
  auth: adminWrite,
  call: (clients, id, _body, call) => clients.subscriptions.resumeSubscription({ id, asAdmin: true }, call),
});

export const adminSuspendSubscription = subscriptionAction({
  operationId: 'adminSuspendSubscription',
  path: '/api/v1/admin/subscriptions/:subscription_id/suspend',
  tag: ADMIN_SUBSCRIPTIONS_TAG,
  summary: 'Suspend Subscription',
  description: 'An active or past-due subscription is paused (`suspended`, reason `admin`) until resumed.',
  auth: adminWrite,
  call: (clients, id, _body, call) => clients.subscriptions.suspendSubscription({ id, asAdmin: true }, call),
});
