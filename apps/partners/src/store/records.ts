import type { Partner as PartnerRow, Tenant as TenantRow } from '../generated/prisma/client.ts';
import type { Partner } from '../domain/partner.ts';
import type { Tenant } from '../domain/tenant.ts';
import { readTenantSettings } from '../domain/tenant-settings.ts';
import { readTenantBranding } from '../domain/tenant-branding.ts';

export function partnerOf(row: PartnerRow): Partner {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    contactEmail: row.contactEmail,
    maxTenants: row.maxTenants,
    maxUsersPerTenant: row.maxUsersPerTenant,
    maxApplicationsPerTenant: row.maxApplicationsPerTenant,
    seller: {
      legalName: row.legalName,
      addressLine1: row.addressLine1,
      addressLine2: row.addressLine2,
      postalCode: row.postalCode,
      city: row.city,
      state: row.state,
      sellerCountryCode: row.sellerCountryCode,
      vatNumber: row.vatNumber,
      iban: row.iban,
      bic: row.bic,
      defaultInvoiceTemplate: row.defaultInvoiceTemplate,
      defaultEmailTemplate: row.defaultEmailTemplate,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function tenantOf(row: TenantRow): Tenant {
  return {
    id: row.id,
    partnerId: row.partnerId,
    name: row.name,
    slug: row.slug,
    status: row.status,
    contactEmail: row.contactEmail,
    settings: readTenantSettings(row.settings),
    branding: readTenantBranding(row.branding),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
