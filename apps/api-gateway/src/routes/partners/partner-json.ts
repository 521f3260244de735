import type { Static } from '@fastify/type-provider-typebox';
import { partners } from '@scai/proto';
import type { Partner, PartnerCreate, PartnerUpdate } from './partner-schemas.ts';

type SellerKey =
  | 'legal_name' | 'address_line1' | 'address_line2' | 'postal_code' | 'city' | 'state'
  | 'seller_country_code' | 'vat_number' | 'iban' | 'bic' | 'default_invoice_template' | 'default_email_template';

/** REST (snake_case) ↔ wire (camelCase) names of the seller identity fields. */
const SELLER_WIRE: Record<SellerKey, keyof partners.v1.SellerIdentity> = {
  legal_name: 'legalName',
  address_line1: 'addressLine1',
  address_line2: 'addressLine2',
  postal_code: 'postalCode',
  city: 'city',
  state: 'state',
  seller_country_code: 'sellerCountryCode',
  vat_number: 'vatNumber',
  iban: 'iban',
  bic: 'bic',
  default_invoice_template: 'defaultInvoiceTemplate',
  default_email_template: 'defaultEmailTemplate',
};
const SELLER_KEYS = Object.keys(SELLER_WIRE) as SellerKey[];

const { PartnerStatus } = partners.v1;

export function partnerStatusToWire(status: string | null | undefined): partners.v1.PartnerStatus {
  if (status === 'ACTIVE') return PartnerStatus.ACTIVE;
  if (status === 'SUSPENDED') return PartnerStatus.SUSPENDED;
  return PartnerStatus.UNSPECIFIED;
}

export function partnerJson(partner: partners.v1.Partner | undefined): Static<typeof Partner> {
  if (!partner) throw new Error('partners service answered without a partner');
  const seller = partner.seller ?? {};
  return {
    id: partner.id,
    name: partner.name,
    slug: partner.slug,
    status: partner.status === PartnerStatus.SUSPENDED ? 'SUSPENDED' : 'ACTIVE',
    contact_email: partner.contactEmail,
    max_tenants: partner.maxTenants,
    max_users_per_tenant: partner.maxUsersPerTenant,
    max_applications_per_tenant: partner.maxApplicationsPerTenant,
    ...(Object.fromEntries(SELLER_KEYS.map((key) => [key, seller[SELLER_WIRE[key]] ?? null])) as Record<SellerKey, string | null>),
    billable: partner.billable,
    created_at: partner.createdAt ?? '',
    updated_at: partner.updatedAt ?? '',
  };
}

/** Given seller fields: strings are set, nulls go to `clear_fields`. */
function sellerToWire(body: Partial<Record<SellerKey, string | null>>): { seller: partners.v1.SellerIdentity; clearFields: string[] } {
  const seller: partners.v1.SellerIdentity = {};
  const clearFields: string[] = [];
  for (const key of SELLER_KEYS) {
    const value = body[key];
    if (value === null) clearFields.push(key);
    else if (value !== undefined) seller[SELLER_WIRE[key]] = value;
  }
  return { seller, clearFields };
}

export function createPartnerRequest(body: Static<typeof PartnerCreate>): partners.v1.CreatePartnerRequest {
  return {
    name: body.name,
    slug: body.slug,
    contactEmail: body.contact_email,
    maxTenants: body.max_tenants,
    maxUsersPerTenant: body.max_users_per_tenant,
    maxApplicationsPerTenant: body.max_applications_per_tenant,
    seller: sellerToWire(body).seller,
  };
}

export function updatePartnerRequest(id: string, body: Static<typeof PartnerUpdate>): partners.v1.UpdatePartnerRequest {
  const { seller, clearFields } = sellerToWire(body);
  return {
    id,
    name: body.name,
    slug: body.slug,
    status: partnerStatusToWire(body.status),
    contactEmail: body.contact_email,
    maxTenants: body.max_tenants,
    maxUsersPerTenant: body.max_users_per_tenant,
    maxApplicationsPerTenant: body.max_applications_per_tenant,
    seller,
    clearFields,
  };
}
