import { validationFailed } from '@scai/api';
import { partners } from '@scai/proto';
import type { Partner, PartnerCreate, PartnerPatch, PartnerStatus } from '../domain/partner.ts';
import { SELLER_FIELD_NAMES, SELLER_FIELDS, isBillable, type SellerIdentity } from '../domain/seller-identity.ts';

const { PartnerStatus: ProtoStatus } = partners.v1;
type ProtoPartner = partners.v1.Partner;

export function partnerStatusToProto(status: PartnerStatus): partners.v1.PartnerStatus {
  return status === 'ACTIVE' ? ProtoStatus.ACTIVE : ProtoStatus.SUSPENDED;
}

/** UNSPECIFIED means "not given"; an unknown number is a bad request. */
export function partnerStatusFromProto(status: partners.v1.PartnerStatus, loc = 'status'): PartnerStatus | undefined {
  switch (status) {
    case ProtoStatus.UNSPECIFIED:
      return undefined;
    case ProtoStatus.ACTIVE:
      return 'ACTIVE';
    case ProtoStatus.SUSPENDED:
      return 'SUSPENDED';
    default:
      throw validationFailed([{ loc: ['body', loc], msg: 'must be ACTIVE or SUSPENDED', type: 'enum' }]);
  }
}

export function partnerToProto(partner: Partner): ProtoPartner {
  const seller: partners.v1.SellerIdentity = {};
  for (const field of SELLER_FIELDS) {
    const value = partner.seller[field];
    if (value !== null) seller[field] = value;
  }
  return {
    id: partner.id,
    name: partner.name,
    slug: partner.slug,
    status: partnerStatusToProto(partner.status),
    contactEmail: partner.contactEmail,
    maxTenants: partner.maxTenants,
    maxUsersPerTenant: partner.maxUsersPerTenant,
    maxApplicationsPerTenant: partner.maxApplicationsPerTenant,
    seller,
    billable: isBillable(partner.seller),
    createdAt: partner.createdAt.toISOString(),
    updatedAt: partner.updatedAt.toISOString(),
  };
}

const FIELD_OF_NAME = new Map(SELLER_FIELDS.map((field) => [SELLER_FIELD_NAMES[field], field]));

/** Set seller fields, plus `clear_fields` as nulls; unknown names are a 422. */
export function sellerFromProto(seller: partners.v1.SellerIdentity | undefined, clearFields: string[] = []): Partial<SellerIdentity> {
  const out: Partial<SellerIdentity> = {};
  for (const field of SELLER_FIELDS) {
    const value = seller?.[field];
    if (value !== undefined) out[field] = value;
  }
  const unknown = clearFields.filter((name) => !FIELD_OF_NAME.has(name));
  if (unknown.length > 0) {
    throw validationFailed(unknown.map((name) => ({ loc: ['body', 'clear_fields'], msg: `${name} cannot be cleared`, type: 'value_error' })));
  }
  for (const name of clearFields) out[FIELD_OF_NAME.get(name) as keyof SellerIdentity] = null;
  return out;
}

export function partnerCreateFromProto(request: partners.v1.CreatePartnerRequest): PartnerCreate {
  return {
    name: request.name,
    slug: request.slug,
    contactEmail: request.contactEmail,
    maxTenants: request.maxTenants,
    maxUsersPerTenant: request.maxUsersPerTenant,
    maxApplicationsPerTenant: request.maxApplicationsPerTenant,
    seller: sellerFromProto(request.seller),
  };
}

export function partnerPatchFromProto(request: partners.v1.UpdatePartnerRequest): PartnerPatch {
  const seller = sellerFromProto(request.seller, request.clearFields);
  return {
    name: request.name,
    slug: request.slug,
    status: partnerStatusFromProto(request.status),
    contactEmail: request.contactEmail,
    maxTenants: request.maxTenants,
    maxUsersPerTenant: request.maxUsersPerTenant,
    maxApplicationsPerTenant: request.maxApplicationsPerTenant,
    seller: Object.keys(seller).length > 0 ? seller : undefined,
  };
}
