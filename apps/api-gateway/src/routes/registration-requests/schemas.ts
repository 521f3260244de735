import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { Meta, Pagination } from '../common-schemas.ts';

/** `T | null`; options (the description) go on the union, i.e. on the property itself. */
const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options);

/** `RegistrationRequestCreate` of seed 002: fields, descriptions and defaults as the seed has them. */
export const RegistrationRequestCreate = Type.Object(
  {
    scope: Type.String({ description: 'GLOBAL, PARTNER, or TENANT' }),
    tenant_id: Type.Optional(Nullable(Type.String(), { description: 'Required for TENANT scope' })),
    partner_id: Type.Optional(Nullable(Type.String(), { description: 'Required for PARTNER scope' })),
    name: Type.String(),
    description: Type.Optional(Nullable(Type.String())),
    application_type: Type.String({ description: 'WEB, SPA, NATIVE, SERVICE, SAML_SP' }),
    redirect_uris: Type.Optional(Type.Array(Type.String())),
    post_logout_redirect_uris: Type.Optional(Nullable(Type.Array(Type.String()))),
    allowed_origins: Type.Optional(Nullable(Type.Array(Type.String()))),
    // The reference renders a `default` as "Default: [...]", which is the seed's text.
    requested_scopes: Type.Optional(Type.Array(Type.String(), { default: ['openid', 'profile', 'email'] })),
    grant_types: Type.Optional(Type.Array(Type.String(), { default: ['authorization_code', 'refresh_token'] })),
    contact_email: Type.String({ format: 'email' }),
    contact_name: Type.Optional(Nullable(Type.String())),
    organization_name: Type.Optional(Nullable(Type.String())),
    website_url: Type.Optional(Nullable(Type.String())),
  },
  { $id: 'RegistrationRequestCreate', title: 'RegistrationRequestCreate', description: 'Create a new registration request.' },
);

export const ApprovalData = Type.Object(
  { notes: Type.Optional(Nullable(Type.String())) },
  { $id: 'ApprovalData', title: 'ApprovalData', description: 'Data for approving a request.' },
);

export const RejectionData = Type.Object(
  { reason: Type.String() },
  { $id: 'RejectionData', title: 'RejectionData', description: 'Data for rejecting a request.' },
);

export const registrationRequestSchemas = [RegistrationRequestCreate, ApprovalData, RejectionData];

const requestViewProperties = {
  id: Type.String(),
  scope: Type.String(),
  tenant_id: Nullable(Type.String()),
  partner_id: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  application_type: Type.String(),
  redirect_uris: Type.Array(Type.String()),
  post_logout_redirect_uris: Type.Array(Type.String()),
  allowed_origins: Type.Array(Type.String()),
  requested_scopes: Type.Array(Type.String()),
  grant_types: Type.Array(Type.String()),
  contact_email: Type.String(),
  contact_name: Nullable(Type.String()),
  organization_name: Nullable(Type.String()),
  website_url: Nullable(Type.String()),
  status: Type.String(),
  source: Type.String(),
  requested_by: Type.String(),
  reviewed_by: Nullable(Type.String()),
  reviewed_at: Nullable(Type.String({ format: 'date-time' })),
  review_notes: Nullable(Type.String()),
  rejection_reason: Nullable(Type.String()),
  cancelled_by: Nullable(Type.String()),
  cancelled_at: Nullable(Type.String({ format: 'date-time' })),
  application_id: Nullable(Type.String()),
  client_id: Nullable(Type.String()),
  expires_at: Nullable(Type.String({ format: 'date-time' })),
  created_at: Nullable(Type.String({ format: 'date-time' })),
  updated_at: Nullable(Type.String({ format: 'date-time' })),
};

/** A request as answered by every route. It has no secret field, so serialization drops any. */
export const RegistrationRequestView = Type.Object(requestViewProperties);

/** The approve answer: the request plus the application's secret, shown this once. */
export const ApprovalView = Type.Object({
  ...requestViewProperties,
  client_secret: Nullable(Type.String(), { description: 'Shown only once; null for public clients.' }),
});

export const RequestBody = Type.Object({ data: RegistrationRequestView, meta: Meta });
export const ApprovalBody = Type.Object({ data: ApprovalView, meta: Meta });
export const RequestPageBody = Type.Object({ data: Type.Array(RegistrationRequestView), pagination: Pagination, meta: Meta });

export const RequestIdParams = Type.Object({ request_id: Type.String() });

export const TAG = 'Registration Requests';
