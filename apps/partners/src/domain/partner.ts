import { IssueList } from '@scai/api';
import { checkEmail, checkLimit, checkText } from './validation.ts';
import { checkSlug } from './slug.ts';
import { normalizeSeller, type SellerIdentity } from './seller-identity.ts';

export type PartnerStatus = 'ACTIVE' | 'SUSPENDED';

export interface PartnerLimits {
  maxTenants: number;
  maxUsersPerTenant: number;
  maxApplicationsPerTenant: number;
}

/** Limits of a partner created without them (the schema's column defaults match). */
export const DEFAULT_PARTNER_LIMITS: PartnerLimits = {
  maxTenants: 10,
  maxUsersPerTenant: 100,
  maxApplicationsPerTenant: 10,
};

export interface Partner extends PartnerLimits {
  id: string;
  name: string;
  slug: string;
  status: PartnerStatus;
  contactEmail: string;
  seller: SellerIdentity;
  createdAt: Date;
  updatedAt: Date;
}

export interface PartnerCreate extends Partial<PartnerLimits> {
  name: string;
  /** Absent: derived from the name, suffixed until unique. */
  slug?: string;
  contactEmail: string;
  seller?: Partial<SellerIdentity>;
}

/** PATCH: absent fields stay; seller fields set to null are cleared. */
export interface PartnerPatch extends Partial<PartnerLimits> {
  name?: string;
  slug?: string;
  status?: PartnerStatus;
  contactEmail?: string;
  seller?: Partial<SellerIdentity>;
}

export type ValidPartnerCreate = Required<Omit<PartnerCreate, 'seller' | 'slug'>> & { slug?: string; seller: Partial<SellerIdentity> };

const NAME_MAX = 200;

function checkCommon(issues: IssueList, input: PartnerPatch): void {
  checkText(issues, ['name'], input.name, NAME_MAX);
  checkSlug(issues, ['slug'], input.slug);
  checkEmail(issues, ['contact_email'], input.contactEmail);
  checkLimit(issues, ['max_tenants'], input.maxTenants);
  checkLimit(issues, ['max_users_per_tenant'], input.maxUsersPerTenant);
  checkLimit(issues, ['max_applications_per_tenant'], input.maxApplicationsPerTenant);
}

/** Checks a new partner and fills the default limits; throws 422 listing every problem. */
export function validatePartnerCreate(input: PartnerCreate): ValidPartnerCreate {
  const issues = new IssueList();
  checkCommon(issues, input);
  const seller = normalizeSeller(issues, input.seller ?? {});
  issues.throwIfAny();
  return {
    name: input.name.trim(),
    slug: input.slug,
    contactEmail: input.contactEmail,
    maxTenants: input.maxTenants ?? DEFAULT_PARTNER_LIMITS.maxTenants,
    maxUsersPerTenant: input.maxUsersPerTenant ?? DEFAULT_PARTNER_LIMITS.maxUsersPerTenant,
    maxApplicationsPerTenant: input.maxApplicationsPerTenant ?? DEFAULT_PARTNER_LIMITS.maxApplicationsPerTenant,
    seller,
  };
}

/** Checks a partner update; returns it normalized. */
export function validatePartnerPatch(patch: PartnerPatch): PartnerPatch {
  const issues = new IssueList();
  checkCommon(issues, patch);
  const seller = patch.seller ? normalizeSeller(issues, patch.seller) : undefined;
  issues.throwIfAny();
  return { ...patch, name: patch.name?.trim(), seller };
}

/** Fields a partner's own admin may not change on itself: they are the platform's grant. */
export const PLATFORM_GOVERNED_PARTNER_FIELDS = ['slug', 'status', 'maxTenants', 'maxUsersPerTenant', 'maxApplicationsPerTenant'] as const;

export function touchesPlatformGovernedFields(patch: PartnerPatch): boolean {
  return PLATFORM_GOVERNED_PARTNER_FIELDS.some((field) => patch[field] !== undefined);
}
