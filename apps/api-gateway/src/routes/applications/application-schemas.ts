import { Type } from '@fastify/type-provider-typebox';
import { PageNumber, PageSize } from '../common-schemas.ts';
import { nullable } from '../partners/partner-schemas.ts';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateTime = Type.String({ format: 'date-time' });
const Urls = Type.Array(Type.String({ minLength: 1, maxLength: 2000 }), { maxItems: 50 });

/** An OAuth application as an admin sees it; never its secret or the secret's hash. */
export const AdminApplication = Type.Object(
  {
    id: Type.String(),
    client_id: Type.String(),
    name: Type.String(),
    description: nullable(Type.String()),
    application_type: Type.String({ enum: ['WEB', 'SPA', 'NATIVE', 'SERVICE', 'SAML_SP'] }),
    scope: Type.String({ enum: ['GLOBAL', 'PARTNER', 'TENANT'] }),
    tenant_id: nullable(Type.String()),
    partner_id: nullable(Type.String()),
    redirect_uris: Type.Array(Type.String()),
    post_logout_redirect_uris: Type.Array(Type.String()),
    allowed_origins: Type.Array(Type.String()),
    allowed_scopes: Type.Array(Type.String()),
    grant_types: Type.Array(Type.String()),
    token_lifetime: Type.Integer({ description: 'Access token lifetime in seconds.' }),
    status: Type.String({ enum: ['ACTIVE', 'DISABLED', 'SUSPENDED', 'DELETED'] }),
    confidential: Type.Boolean({ description: 'Whether the application authenticates with a client secret (WEB, SERVICE, SAML_SP).' }),
    registration_request_id: nullable(Type.String()),
    created_at: DateTime,
    updated_at: DateTime,
  },
  { $id: 'AdminApplication', title: 'AdminApplication' },
);

const Fixed = (field: string) => Type.Optional(Type.String({ maxLength: 100, description: `Fixed after registration: sending ${field} answers 422.` }));

export const ApplicationUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 2000, description: 'An empty string clears it.' })),
    redirect_uris: Type.Optional(Urls),
    post_logout_redirect_uris: Type.Optional(Urls),
    allowed_origins: Type.Optional(Urls),
    allowed_scopes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Replaces the list (never merged). admin:read/admin:write only on GLOBAL applications.' }),
    ),
    token_lifetime: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400, description: 'Seconds.' })),
    status: Type.Optional(Type.String({ enum: ['ACTIVE', 'DISABLED'], description: 'DISABLED: invalid_client at once; outstanding grants and refresh tokens are revoked.' })),
    scope: Fixed('scope'),
    application_type: Fixed('application_type'),
    tenant_id: Fixed('tenant_id'),
    partner_id: Fixed('partner_id'),
  },
  {
    $id: 'ApplicationUpdate',
    title: 'ApplicationUpdate',
    additionalProperties: false,
    description: 'Only given fields change. Scope, type and owner are fixed after registration (422).',
  },
);

export const ApplicationSecret = Type.Object(
  {
    data: Type.Object({
      client_id: Type.String(),
      client_secret: Type.String({ description: 'Shown once.' }),
      previous_secret_expires_at: nullable(DateTime),
    }),
    meta: Type.Object({ request_id: Type.String() }),
  },
  {
    $id: 'ApplicationSecret',
    title: 'ApplicationSecret',
    description: 'The new secret, shown once. The previous secret keeps working until `previous_secret_expires_at` (null: it stopped at once).',
  },
);

export const ApplicationIdParams = Type.Object({ application_id: Id });

export const ApplicationListQuery = Type.Object({
  page: PageNumber,
  page_size: PageSize,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  tenant_id: Type.Optional(Id),
  partner_id: Type.Optional(Id),
});

export const applicationSchemas = [AdminApplication, ApplicationUpdate, ApplicationSecret];
