import type { RouteGroup } from '../types.ts';
import { billingProfileSchemas } from './billing-profile-schemas.ts';
import { getBillingProfile } from './get-billing-profile.ts';
import { putBillingProfile } from './put-billing-profile.ts';
import { BILLING_TAG } from './tag.ts';

export const billingGroup: RouteGroup = {
  tag: BILLING_TAG,
  description: "Your tenant's billing: its billing profile (the buyer on every invoice).",
  schemas: billingProfileSchemas,
  routes: [getBillingProfile, putBillingProfile],
};
