import type { RouteGroup } from '../types.ts';
import { billingProfileSchemas } from '../billing/billing-profile-schemas.ts';
import { putTenantBillingProfile } from '../billing/put-tenant-billing-profile.ts';
import { createTenant } from './create-tenant.ts';
import { deleteTenant } from './delete-tenant.ts';
import { getTenant } from './get-tenant.ts';
import { listTenants } from './list-tenants.ts';
import { TENANTS_TAG } from './tag.ts';
import { tenantSchemas } from './tenant-schemas.ts';
import { updateTenant } from './update-tenant.ts';

export const tenantsGroup: RouteGroup = {
  tag: TENANTS_TAG,
  description: 'Tenants (billable customers) within your reach: a partner admin administers its own partner’s tenants.',
  schemas: [...billingProfileSchemas, ...tenantSchemas],
  routes: [listTenants, getTenant, createTenant, updateTenant, deleteTenant, putTenantBillingProfile],
};
