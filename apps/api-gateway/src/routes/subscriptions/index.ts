import type { RouteGroup } from '../types.ts';
import { adminCancelSubscription, adminOverrideSubscription, adminResumeSubscription, adminSuspendSubscription } from './admin-actions.ts';
import { bulkSubscriptions } from './bulk-subscriptions.ts';
import { adminCreateSubscription, createSubscription } from './create-subscription.ts';
import { adminGetSubscription, getSubscription, listPendingItems } from './get-subscription.ts';
import { adminListSubscriptions, listSubscriptions } from './list-subscriptions.ts';
import { adminSubscriptionSchemas, subscriptionSchemas } from './subscription-schemas.ts';
import { ADMIN_SUBSCRIPTIONS_TAG, SUBSCRIPTIONS_TAG } from './tag.ts';
import { cancelSubscription, changeSubscriptionPlan, undoCancelSubscription } from './tenant-actions.ts';

export const subscriptionsGroup: RouteGroup = {
  tag: SUBSCRIPTIONS_TAG,
  description: "Your tenant's subscriptions: subscribe (with a trial where the plan has one), change plan (prorated), cancel and undo it.",
  schemas: subscriptionSchemas,
  routes: [listSubscriptions, createSubscription, getSubscription, cancelSubscription, undoCancelSubscription, changeSubscriptionPlan, listPendingItems],
};

export const adminSubscriptionsGroup: RouteGroup = {
  tag: ADMIN_SUBSCRIPTIONS_TAG,
  description: 'Subscriptions of the tenants within your reach: create, override, cancel, resume, suspend, and bulk actions.',
  schemas: adminSubscriptionSchemas,
  // bulk before the id routes, so `/bulk` is never read as an id.
  routes: [adminListSubscriptions, adminCreateSubscription, bulkSubscriptions, adminGetSubscription, adminOverrideSubscription, adminCancelSubscription, adminResumeSubscription, adminSuspendSubscription],
};
