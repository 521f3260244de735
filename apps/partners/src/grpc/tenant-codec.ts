import { validationFailed } from '@scai/api';
import { partners } from '@scai/proto';
import type { Tenant, TenantCreate, TenantPatch, TenantStatus } from '../domain/tenant.ts';
import type { TenantSettingsPatch } from '../domain/tenant-settings.ts';
import { BRANDING_FIELDS, type BrandingField, type TenantBrandingPatch } from '../domain/tenant-branding.ts';

const { TenantStatus: ProtoStatus } = partners.v1;

export function tenantStatusToProto(status: TenantStatus): partners.v1.TenantStatus {
  return status === 'ACTIVE' ? ProtoStatus.ACTIVE : ProtoStatus.SUSPENDED;
}

/** UNSPECIFIED means "not given"; an unknown number is a bad request. */
export function tenantStatusFromProto(status: partners.v1.TenantStatus): TenantStatus | undefined {
  switch (status) {
    case ProtoStatus.UNSPECIFIED:
      return undefined;
    case ProtoStatus.ACTIVE:
      return 'ACTIVE';
    case ProtoStatus.SUSPENDED:
      return 'SUSPENDED';
    default:
      throw validationFailed([{ loc: ['body', 'status'], msg: 'must be ACTIVE or SUSPENDED', type: 'enum' }]);
  }
}

/** Wire (camelCase) ↔ stored (snake_case) names of branding fields. */
const BRANDING_WIRE: Record<BrandingField, keyof partners.v1.TenantBranding> = {
  display_name: 'displayName',
  logo_url: 'logoUrl',
  favicon_url: 'faviconUrl',
  primary_color: 'primaryColor',
  secondary_color: 'secondaryColor',
  support_email: 'supportEmail',
};

export function tenantToProto(tenant: Tenant): partners.v1.Tenant {
  const branding: partners.v1.TenantBranding = {};
  for (const field of BRANDING_FIELDS) {
    const value = tenant.branding[field];
    if (value !== null) branding[BRANDING_WIRE[field]] = value;
  }
  const policy = tenant.settings.password_policy;
  return {
    id: tenant.id,
    partnerId: tenant.partnerId,
    name: tenant.name,
    slug: tenant.slug,
    status: tenantStatusToProto(tenant.status),
    contactEmail: tenant.contactEmail,
    settings: {
      mfaRequired: tenant.settings.mfa_required,
      passwordPolicy: {
        minLength: policy.min_length,
        requireUppercase: policy.require_uppercase,
        requireLowercase: policy.require_lowercase,
        requireDigit: policy.require_digit,
        requireSymbol: policy.require_symbol,
      },
      sessionTimeoutMinutes: tenant.settings.session_timeout_minutes,
    },
    branding,
    createdAt: tenant.createdAt.toISOString(),
    updatedAt: tenant.updatedAt.toISOString(),
  };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function settingsPatchFromProto(patch: partners.v1.TenantSettingsPatch | undefined): TenantSettingsPatch | undefined {
  if (!patch) return undefined;
  const policy = patch.passwordPolicy;
  return definedOnly({
    mfa_required: patch.mfaRequired,
    session_timeout_minutes: patch.sessionTimeoutMinutes,
    password_policy: policy
      ? definedOnly({
          min_length: policy.minLength,
          require_uppercase: policy.requireUppercase,
          require_lowercase: policy.requireLowercase,
          require_digit: policy.requireDigit,
          require_symbol: policy.requireSymbol,
        })
      : undefined,
  });
}

const CLEARABLE = new Map(BRANDING_FIELDS.map((field) => [`branding.${field}`, field]));

/** Set branding fields, plus `clear_fields` (`branding.<field>`) as nulls; others are a 422. */
export function brandingPatchFromProto(
  branding: partners.v1.TenantBranding | undefined,
  clearFields: string[] = [],
): TenantBrandingPatch | undefined {
  const unknown = clearFields.filter((name) => !CLEARABLE.has(name));
  if (unknown.length > 0) {
    throw validationFailed(unknown.map((name) => ({ loc: ['body', 'clear_fields'], msg: `${name} cannot be cleared`, type: 'value_error' })));
  }
  const out: TenantBrandingPatch = {};
  for (const field of BRANDING_FIELDS) {
    const value = branding?.[BRANDING_WIRE[field]];
    if (value !== undefined) out[field] = value;
  }
  for (const name of clearFields) out[CLEARABLE.get(name) as BrandingField] = null;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function tenantCreateFromProto(request: partners.v1.CreateTenantRequest): TenantCreate {
  return {
    partnerId: request.partnerId || undefined,
    name: request.name,
    slug: request.slug,
    contactEmail: request.contactEmail,
    settings: settingsPatchFromProto(request.settings),
    branding: brandingPatchFromProto(request.branding),
  };
}

export function tenantPatchFromProto(request: partners.v1.UpdateTenantRequest): TenantPatch {
  return {
    name: request.name,
    slug: request.slug,
    status: tenantStatusFromProto(request.status),
    contactEmail: request.contactEmail,
    partnerId: request.partnerId,
    settings: settingsPatchFromProto(request.settings),
    branding: brandingPatchFromProto(request.branding, request.clearFields),
  };
}
