import type { Static } from '@fastify/type-provider-typebox';
import { partners } from '@scai/proto';
import type { Tenant, TenantCreate, TenantUpdate } from './tenant-schemas.ts';

type BrandingKey = 'display_name' | 'logo_url' | 'favicon_url' | 'primary_color' | 'secondary_color' | 'support_email';

/** REST (snake_case) ↔ wire (camelCase) names of the branding fields. */
const BRANDING_WIRE: Record<BrandingKey, keyof partners.v1.TenantBranding> = {
  display_name: 'displayName',
  logo_url: 'logoUrl',
  favicon_url: 'faviconUrl',
  primary_color: 'primaryColor',
  secondary_color: 'secondaryColor',
  support_email: 'supportEmail',
};
const BRANDING_KEYS = Object.keys(BRANDING_WIRE) as BrandingKey[];

const { TenantStatus } = partners.v1;

export function tenantStatusToWire(status: string | null | undefined): partners.v1.TenantStatus {
  if (status === 'ACTIVE') return TenantStatus.ACTIVE;
  if (status === 'SUSPENDED') return TenantStatus.SUSPENDED;
  return TenantStatus.UNSPECIFIED;
}

export function tenantJson(tenant: partners.v1.Tenant | undefined): Static<typeof Tenant> {
  if (!tenant) throw new Error('partners service answered without a tenant');
  const branding = tenant.branding ?? {};
  const settings = tenant.settings;
  const policy = settings?.passwordPolicy;
  return {
    id: tenant.id,
    partner_id: tenant.partnerId,
    name: tenant.name,
    slug: tenant.slug,
    status: tenant.status === TenantStatus.SUSPENDED ? 'SUSPENDED' : 'ACTIVE',
    contact_email: tenant.contactEmail,
    settings: {
      mfa_required: settings?.mfaRequired ?? false,
      password_policy: {
        min_length: policy?.minLength ?? 0,
        require_uppercase: policy?.requireUppercase ?? false,
        require_lowercase: policy?.requireLowercase ?? false,
        require_digit: policy?.requireDigit ?? false,
        require_symbol: policy?.requireSymbol ?? false,
      },
      session_timeout_minutes: settings?.sessionTimeoutMinutes ?? 0,
    },
    branding: Object.fromEntries(BRANDING_KEYS.map((key) => [key, branding[BRANDING_WIRE[key]] ?? null])) as Record<BrandingKey, string | null>,
    created_at: tenant.createdAt ?? '',
    updated_at: tenant.updatedAt ?? '',
  };
}

type SettingsBody = Static<typeof TenantCreate>['settings'];
type BrandingBody = Static<typeof TenantCreate>['branding'];

function settingsToWire(settings: SettingsBody): partners.v1.TenantSettingsPatch | undefined {
  if (!settings) return undefined;
  const policy = settings.password_policy;
  return {
    mfaRequired: settings.mfa_required,
    sessionTimeoutMinutes: settings.session_timeout_minutes,
    passwordPolicy: policy && {
      minLength: policy.min_length,
      requireUppercase: policy.require_uppercase,
      requireLowercase: policy.require_lowercase,
      requireDigit: policy.require_digit,
      requireSymbol: policy.require_symbol,
    },
  };
}

/** Given branding strings are set; nulls become `clear_fields` entries (`branding.<field>`). */
function brandingToWire(branding: BrandingBody): { branding?: partners.v1.TenantBranding; clearFields: string[] } {
  if (!branding) return { clearFields: [] };
  const out: partners.v1.TenantBranding = {};
  const clearFields: string[] = [];
  for (const key of BRANDING_KEYS) {
    const value = branding[key];
    if (value === null) clearFields.push(`branding.${key}`);
    else if (value !== undefined) out[BRANDING_WIRE[key]] = value;
  }
  return { branding: out, clearFields };
}

export function createTenantRequest(body: Static<typeof TenantCreate>): partners.v1.CreateTenantRequest {
  return {
    partnerId: body.partner_id,
    name: body.name,
    slug: body.slug,
    contactEmail: body.contact_email,
    settings: settingsToWire(body.settings),
    // Nothing to clear on a new tenant: a null there means "no value", the default.
    branding: brandingToWire(body.branding).branding,
  };
}

export function updateTenantRequest(id: string, body: Static<typeof TenantUpdate>): partners.v1.UpdateTenantRequest {
  const { branding, clearFields } = brandingToWire(body.branding);
  return {
    id,
    name: body.name,
    slug: body.slug,
    status: tenantStatusToWire(body.status),
    contactEmail: body.contact_email,
    partnerId: body.partner_id,
    settings: settingsToWire(body.settings),
    branding,
    clearFields,
  };
}
