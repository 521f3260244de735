import { unauthorized } from '@scai/api';
import { unary, type ImplementationOf } from '@scai/grpc';
import { reachOf, requirePermission } from '@scai/permissions';
import type { billing } from '@scai/proto';
import { authorizeProfile } from '../profiles/profile-access.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { TenantDirectory } from '../profiles/tenant-directory.ts';
import { validateProfile } from '../profiles/validate-profile.ts';
import type { Db } from '../store/prisma.ts';
import { summariseTenants } from '../summaries/tenant-billing-summary.ts';
import { profileInputFromProto, profileToProto } from './billing-profile-codec.ts';

type BillingProfilesServiceImpl = ImplementationOf<typeof billing.v1.BillingProfilesServiceService>;

/** A summary list is for one page of admin tenants, not a bulk export. */
const MAX_SUMMARY_IDS = 500;

/** `billing.v1.BillingProfilesService`: the buyer identity of each tenant. */
export function billingProfilesServiceImpl(db: Db, store: ProfileStore, tenants: TenantDirectory): BillingProfilesServiceImpl {
  return {
    getBillingProfile: unary(async (request: billing.v1.GetBillingProfileRequest, { caller }) => {
      if (!caller) throw unauthorized();
      authorizeProfile(caller, await tenants.tenant(request.tenantId), 'read');
      const profile = await store.get(request.tenantId);
      return { profile: profile ? profileToProto(profile) : undefined };
    }),

    putBillingProfile: unary(async (request: billing.v1.PutBillingProfileRequest, { caller }) => {
      if (!caller) throw unauthorized();
      const tenant = await tenants.tenant(request.tenantId);
      authorizeProfile(caller, tenant, 'write');
      const fields = validateProfile(profileInputFromProto(request.fields));
      const { profile, created } = await store.put(tenant, fields);
      return { profile: profileToProto(profile), created };
    }),

    listBillingSummaries: unary(async (request: billing.v1.ListBillingSummariesRequest, { caller }) => {
      if (!caller) throw unauthorized();
      requirePermission(caller, 'admin:tenants');
      const ids = [...new Set(request.tenantIds)].slice(0, MAX_SUMMARY_IDS);
      const summaries = await summariseTenants(db, store, reachOf(caller), ids);
      return {
        summaries: summaries.map((summary) => ({
          tenantId: summary.tenantId,
          companyName: summary.profile.fields.companyName,
          countryCode: summary.profile.fields.countryCode,
          readyForCommerce: summary.readyForCommerce,
          liveSubscriptions: summary.liveSubscriptions,
          livePacks: summary.livePacks,
          mrr: summary.mrr,
        })),
      };
    }),
  };
}
