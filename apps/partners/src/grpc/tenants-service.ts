import { forbidden } from '@scai/api';
import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { isSuperAdmin } from '@scai/permissions';
import { pageFromProto, pageInfoToProto, type partners } from '@scai/proto';
import { authorizeInternalLookup, authorizeTenants, partnerForNewTenant } from '../domain/access.ts';
import { validateTenantCreate } from '../domain/tenant.ts';
import type { PartnerStore } from '../store/partner-store.ts';
import type { TenantStore } from '../store/tenant-store.ts';
import { tenantCreateFromProto, tenantPatchFromProto, tenantStatusFromProto, tenantToProto } from './tenant-codec.ts';

type TenantsServiceImpl = ImplementationOf<typeof partners.v1.TenantsServiceService>;

/** `partners.v1.TenantsService`: every query runs within the caller's reach. */
export function tenantsServiceImpl(stores: { tenants: TenantStore; partners: PartnerStore }): TenantsServiceImpl {
  const { tenants } = stores;
  return {
    listTenants: unary(async (request: partners.v1.ListTenantsRequest, context) => {
      const reach = authorizeTenants(requireCaller(context), 'read');
      const page = pageFromProto(request.page);
      const { items, total } = await tenants.list(reach, {
        page,
        q: request.q,
        partnerId: request.partnerId || undefined,
        status: tenantStatusFromProto(request.status),
      });
      return { tenants: items.map(tenantToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    listPartnerTenants: unary(async (request: partners.v1.ListPartnerTenantsRequest, context) => {
      const reach = authorizeTenants(requireCaller(context), 'read');
      // The partner itself must exist and be within reach (404 otherwise), not just match no rows.
      await stores.partners.get(reach, request.partnerId);
      const page = pageFromProto(request.page);
      const { items, total } = await tenants.list(reach, {
        page,
        q: request.q,
        partnerId: request.partnerId,
        status: tenantStatusFromProto(request.status),
      });
      return { tenants: items.map(tenantToProto), pageInfo: pageInfoToProto(page, total) };
    }),

    createTenant: unary(async (request: partners.v1.CreateTenantRequest, context) => {
      const reach = authorizeTenants(requireCaller(context), 'write');
      const input = tenantCreateFromProto(request);
      const partnerId = partnerForNewTenant(reach, input.partnerId);
      const tenant = await tenants.create(partnerId, validateTenantCreate(input));
      return { tenant: tenantToProto(tenant) };
    }),

    getTenant: unary(async (request: partners.v1.GetTenantRequest, context) => {
      const reach = authorizeTenants(requireCaller(context), 'read');
      return { tenant: tenantToProto(await tenants.get(reach, request.id)) };
    }),

    updateTenant: unary(async (request: partners.v1.UpdateTenantRequest, context) => {
      const caller = requireCaller(context);
      const reach = authorizeTenants(caller, 'write');
      const patch = tenantPatchFromProto(request);
      if (patch.partnerId !== undefined && !isSuperAdmin(caller)) {
        // Re-sending the tenant's own partner is harmless; only an actual move is refused.
        const current = await tenants.get(reach, request.id);
        if (current.partnerId !== patch.partnerId) throw forbidden('Only a super admin may move a tenant to another partner');
      }
      return { tenant: tenantToProto(await tenants.update(reach, request.id, patch)) };
    }),

    deleteTenant: unary(async (request: partners.v1.DeleteTenantRequest, context) => {
      const reach = authorizeTenants(requireCaller(context), 'write');
      await tenants.softDelete(reach, request.id);
      return {};
    }),

    getTenantBySlug: unary(async (request: partners.v1.GetTenantBySlugRequest, context) => {
      authorizeInternalLookup(requireCaller(context));
      return { tenant: tenantToProto(await tenants.getBySlug(request.slug)) };
    }),
  };
}
