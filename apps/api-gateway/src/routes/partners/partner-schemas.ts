import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { PageNumber, PageSize } from '../common-schemas.ts';

/**
 * Same rule as the partners service's (`apps/partners/src/domain/slug.ts`): slugs name
 * OIDC issuers, so they are lower-case letters, digits and single inner dashes.
 */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$';
export const STATUSES = ['ACTIVE', 'SUSPENDED'];

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Slug = Type.String({ minLength: 2, maxLength: 63, pattern: SLUG_PATTERN });
/** A create's slug: the caller's choice, or one derived from the name. */
export const SlugOnCreate = Type.Optional(
  Type.String({
    minLength: 2,
    maxLength: 63,
    pattern: SLUG_PATTERN,
    description: 'Absent: derived from `name` (accents folded, anything else not a letter or digit as a dash), suffixed -2, -3, … when taken. A slug given and taken is a 409.',
  }),
);
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Name = Type.String({ minLength: 1, maxLength: 200 });
export const Status = Type.String({ enum: STATUSES });
const Limit = Type.Integer({ minimum: 0, maximum: 1_000_000 });

/** The seller identity fields, flat on the partner, each nullable. */
const sellerProperties = {
  legal_name: nullable(Type.String({ maxLength: 200 })),
  address_line1: nullable(Type.String({ maxLength: 200 })),
  address_line2: nullable(Type.String({ maxLength: 200 })),
  postal_code: nullable(Type.String({ maxLength: 20 })),
  city: nullable(Type.String({ maxLength: 100 })),
  state: nullable(Type.String({ maxLength: 100 })),
  seller_country_code: nullable(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' })),
  vat_number: nullable(Type.String({ maxLength: 24 })),
  iban: nullable(Type.String({ maxLength: 42 })),
  bic: nullable(Type.String({ pattern: '^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$' })),
  default_invoice_template: nullable(Type.String({ maxLength: 100 })),
  default_email_template: nullable(Type.String({ maxLength: 100 })),
};

export const SELLER_FIELDS = Object.keys(sellerProperties) as (keyof typeof sellerProperties)[];

const optionalSeller = Object.fromEntries(Object.entries(sellerProperties).map(([key, schema]) => [key, Type.Optional(schema)])) as {
  [K in keyof typeof sellerProperties]: ReturnType<typeof Type.Optional<(typeof sellerProperties)[K]>>;
};

export const Partner = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    slug: Type.String(),
    status: Status,
    contact_email: Type.String(),
    max_tenants: Type.Integer(),
    max_users_per_tenant: Type.Integer(),
    max_applications_per_tenant: Type.Integer(),
    ...sellerProperties,
    billable: Type.Boolean({ description: 'Legal name and seller country are set, so invoices can be issued.' }),
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'Partner', title: 'Partner' },
);

export const PartnerCreate = Type.Object(
  {
    name: Name,
    slug: SlugOnCreate,
    contact_email: Email,
    max_tenants: Type.Optional(Limit),
    max_users_per_tenant: Type.Optional(Limit),
    max_applications_per_tenant: Type.Optional(Limit),
    ...optionalSeller,
  },
  { title: 'PartnerCreate', additionalProperties: false },
);

export const PartnerUpdate = Type.Object(
  {
    name: Type.Optional(Name),
    slug: Type.Optional(Slug),
    status: Type.Optional(Status),
    contact_email: Type.Optional(Email),
    max_tenants: Type.Optional(Limit),
    max_users_per_tenant: Type.Optional(Limit),
    max_applications_per_tenant: Type.Optional(Limit),
    ...optionalSeller,
  },
  { title: 'PartnerUpdate', additionalProperties: false },
);

export const PartnerIdParams = Type.Object({ partner_id: Type.String({ minLength: 1, maxLength: 100 }) });

/** The seed's list query: `page`, `per_page`, `search`, `status`. */
export const SeedListQuery = Type.Object({
  page: PageNumber,
  per_page: PageSize,
  search: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  status: Type.Optional(nullable(Status)),
});

export const partnerSchemas = [Partner];
