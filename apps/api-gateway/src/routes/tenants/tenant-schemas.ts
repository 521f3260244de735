import { Type } from '@fastify/type-provider-typebox';
import { PageNumber, PageSize } from '../common-schemas.ts';
import { BillingProfile, BillingSummary } from '../billing/billing-profile-schemas.ts';
import { Email, Name, Slug, SlugOnCreate, Status, nullable } from '../partners/partner-schemas.ts';
import { ref } from '../schema-ref.ts';

const PasswordPolicy = Type.Object({
  min_length: Type.Integer(),
  require_uppercase: Type.Boolean(),
  require_lowercase: Type.Boolean(),
  require_digit: Type.Boolean(),
  require_symbol: Type.Boolean(),
});

const TenantSettings = Type.Object({
  mfa_required: Type.Boolean(),
  password_policy: PasswordPolicy,
  session_timeout_minutes: Type.Integer(),
});

const brandingProperties = {
  display_name: nullable(Type.String({ minLength: 1, maxLength: 100 })),
  logo_url: nullable(Type.String({ format: 'uri', maxLength: 2048 })),
  favicon_url: nullable(Type.String({ format: 'uri', maxLength: 2048 })),
  primary_color: nullable(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  secondary_color: nullable(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
  support_email: nullable(Email),
};

export const BRANDING_FIELDS = Object.keys(brandingProperties) as (keyof typeof brandingProperties)[];

const TenantBranding = Type.Object(brandingProperties);

/** Given settings merge over the current ones (or the defaults); unknown keys are refused. */
const TenantSettingsInput = Type.Object(
  {
    mfa_required: Type.Optional(Type.Boolean()),
    password_policy: Type.Optional(
      Type.Object(
        {
          min_length: Type.Optional(Type.Integer({ minimum: 8, maximum: 128 })),
          require_uppercase: Type.Optional(Type.Boolean()),
          require_lowercase: Type.Optional(Type.Boolean()),
          require_digit: Type.Optional(Type.Boolean()),
          require_symbol: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    session_timeout_minutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 43_200 })),
  },
  { additionalProperties: false },
);

/** Given branding fields replace theirs, `null` clears one, absent ones stay. */
const TenantBrandingInput = Type.Object(
  {
    display_name: Type.Optional(brandingProperties.display_name),
    logo_url: Type.Optional(brandingProperties.logo_url),
    favicon_url: Type.Optional(brandingProperties.favicon_url),
    primary_color: Type.Optional(brandingProperties.primary_color),
    secondary_color: Type.Optional(brandingProperties.secondary_color),
    support_email: Type.Optional(brandingProperties.support_email),
  },
  { additionalProperties: false },
);

const PartnerId = Type.String({ minLength: 1, maxLength: 100 });

export const Tenant = Type.Object(
  {
    id: Type.String(),
    partner_id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    status: Status,
    contact_email: Type.String(),
    settings: TenantSettings,
    branding: TenantBranding,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Tenant', title: 'Tenant' },
);

export const TenantCreate = Type.Object(
  {
    partner_id: Type.Optional(PartnerId),
    name: Name,
    slug: SlugOnCreate,
    contact_email: Email,
    settings: Type.Optional(TenantSettingsInput),
    branding: Type.Optional(TenantBrandingInput),
  },
  {
    $id: 'TenantCreate',
    title: 'TenantCreate',
    additionalProperties: false,
    description: "`partner_id` defaults to a partner admin's own partner; platform admins must give it.",
  },
);

export const TenantUpdate = Type.Object(
  {
    name: Type.Optional(Name),
    slug: Type.Optional(Slug),
    status: Type.Optional(Status),
    contact_email: Type.Optional(Email),
    partner_id: Type.Optional(PartnerId),
    settings: Type.Optional(TenantSettingsInput),
    branding: Type.Optional(TenantBrandingInput),
  },
  {
    $id: 'TenantUpdate',
    title: 'TenantUpdate',
    additionalProperties: false,
    description: 'Only given fields change. Moving a tenant to another partner (`partner_id`) is for super admins.',
  },
);

export const TenantIdParams = Type.Object({ tenant_id: Type.String({ minLength: 1, maxLength: 100 }) });

/** ScaiControl list query: `page`, `page_size`, `q` (name, e-mail, id or slug). */
export const TenantListQuery = Type.Object({
  page: PageNumber,
  page_size: PageSize,
  q: Type.Optional(Type.String({ maxLength: 200 })),
});

/** `GET /admin/tenants/{tenant_id}`: the tenant with its billing profile and summary (null when it has no profile). */
export const TenantDetail = Type.Object(
  { ...Tenant.properties, billing_profile: nullable(ref(BillingProfile)), billing: nullable(ref(BillingSummary)) },
  { $id: 'TenantDetail', title: 'TenantDetail' },
);

/** One row of `GET /admin/tenants`: the tenant with its billing summary (null when it has no profile). */
export const TenantListItem = Type.Object(
  { ...Tenant.properties, billing: nullable(ref(BillingSummary)) },
  { $id: 'TenantListItem', title: 'TenantListItem' },
);

export const tenantSchemas = [Tenant, TenantDetail, TenantListItem, TenantCreate, TenantUpdate];
