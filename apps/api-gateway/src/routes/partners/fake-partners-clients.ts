import { AppError, notFound } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import { partners, type billing } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';

/** Test support for the partners and tenants route tests: fake clients and callers. */

export type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

export const storedPartner: partners.v1.Partner = {
  id: 'prt_a',
  name: 'Alpha',
  slug: 'alpha',
  status: partners.v1.PartnerStatus.ACTIVE,
  contactEmail: 'ops@alpha.test',
  maxTenants: 10,
  maxUsersPerTenant: 100,
  maxApplicationsPerTenant: 10,
  seller: { legalName: 'Alpha GmbH', sellerCountryCode: 'DE' },
  billable: true,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

export const storedTenant: partners.v1.Tenant = {
  id: 'tnt_a1',
  partnerId: 'prt_a',
  name: 'Acme',
  slug: 'acme',
  status: partners.v1.TenantStatus.ACTIVE,
  contactEmail: 'it@acme.test',
  settings: {
    mfaRequired: false,
    passwordPolicy: { minLength: 12, requireUppercase: false, requireLowercase: false, requireDigit: true, requireSymbol: false },
    sessionTimeoutMinutes: 480,
  },
  branding: { displayName: 'Acme' },
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
};

const pageInfo = { page: 1, pageSize: 20, total: 1, totalPages: 1 };

export const storedProfile: billing.v1.BillingProfile = {
  tenantId: 'tnt_a1',
  partnerId: 'prt_a',
  fields: {
    companyName: 'Acme B.V.',
    countryCode: 'NL',
    vatNumber: 'NL004495445B01',
    taxExempt: false,
    isBusiness: true,
    preferredEinvoiceFormat: 'ubl',
    preferredLanguage: 'nl',
  },
  missingForCommerce: ['address_line1', 'postal_code', 'city', 'contact_email'],
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

/** Records every call; ids ending in `_missing` answer not_found, as the service would. */
export function fakePartnersClients(calls: Calls): Pick<ServiceClients, 'partners' | 'tenants' | 'billingProfiles'> {
  const record = (method: string, request: unknown, outgoing?: OutgoingCall) => {
    calls.push({ method, request, outgoing });
    const { id, partnerId } = request as { id?: string; partnerId?: string };
    if (id?.endsWith('_missing')) throw notFound(id.startsWith('tnt') ? 'Tenant' : 'Partner');
    if (partnerId?.endsWith('_missing')) throw notFound('Partner');
  };
  return {
    partners: {
      listPartners: async (request, outgoing) => (record('listPartners', request, outgoing), { partners: [storedPartner], pageInfo }),
      createPartner: async (request, outgoing) => {
        record('createPartner', request, outgoing);
        if (request.slug === 'taken') throw new AppError('conflict', 'Partner slug is already taken');
        return { partner: storedPartner };
      },
      getPartner: async (request, outgoing) => (record('getPartner', request, outgoing), { partner: storedPartner }),
      updatePartner: async (request, outgoing) => (record('updatePartner', request, outgoing), { partner: storedPartner }),
      deletePartner: async (request, outgoing) => (record('deletePartner', request, outgoing), {}),
    },
    tenants: {
      listTenants: async (request, outgoing) => (record('listTenants', request, outgoing), { tenants: [storedTenant], pageInfo }),
      listPartnerTenants: async (request, outgoing) => (record('listPartnerTenants', request, outgoing), { tenants: [storedTenant], pageInfo }),
      createTenant: async (request, outgoing) => (record('createTenant', request, outgoing), { tenant: storedTenant }),
      getTenant: async (request, outgoing) => (record('getTenant', request, outgoing), { tenant: storedTenant }),
      updateTenant: async (request, outgoing) => (record('updateTenant', request, outgoing), { tenant: storedTenant }),
      deleteTenant: async (request, outgoing) => (record('deleteTenant', request, outgoing), {}),
      getTenantBySlug: async (request, outgoing) => (record('getTenantBySlug', request, outgoing), { tenant: storedTenant }),
    },
    // The billing side of a tenant: tnt_a1 has a profile, any other tenant none.
    billingProfiles: {
      getBillingProfile: async (request, outgoing) => (record('getBillingProfile', request, outgoing), { profile: request.tenantId === 'tnt_a1' ? storedProfile : undefined }),
      putBillingProfile: async (request, outgoing) => (record('putBillingProfile', request, outgoing), { profile: storedProfile, created: false }),
      listBillingSummaries: async (request, outgoing) => (
        record('listBillingSummaries', request, outgoing),
        { summaries: request.tenantIds.includes('tnt_a1') ? [{ tenantId: 'tnt_a1', companyName: 'Acme B.V.', countryCode: 'NL', readyForCommerce: false, liveSubscriptions: 3, livePacks: 1, mrr: [{ currency: 'EUR', amountCents: 4080 }] }] : [] }
      ),
    },
  };
}

const user = (roles: Caller['roles'], permissions: string[], extra: Partial<Caller> = {}): Caller => ({
  subject: `usr_${roles[0]}`,
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles,
  permissions,
  clientId: 'scai-admin-console',
  appScope: null,
  ...extra,
});

/** Tokens of the fake verifier: the token text names the caller. */
export const CALLERS: Record<string, Caller> = {
  super: user(['super_admin'], []),
  partner: user(['partner_admin'], ['admin:tenants', 'admin:users'], { partnerId: 'prt_a' }),
  tenant: user(['tenant_admin'], ['admin:users', 'organization:read'], { tenantId: 'tnt_a1', partnerId: 'prt_a' }),
};

export const auth = (token: keyof typeof CALLERS) => ({ authorization: `Bearer ${token}` });
