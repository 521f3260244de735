import { Type } from '@fastify/type-provider-typebox';
import { Email, nullable } from '../partners/partner-schemas.ts';
import { PageNumber, PageSize } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const RoleName = Type.String({ minLength: 1, maxLength: 50 });
const DateTime = Type.String({ format: 'date-time' });

const RoleGrant = Type.Object({
  role: Type.String(),
  tenant_id: nullable(Type.String()),
  partner_id: nullable(Type.String()),
  expires_at: nullable(DateTime),
});

const UserGroup = Type.Object({ id: Type.String(), name: Type.String(), role: nullable(Type.String()) });

export const AdminUser = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    display_name: Type.String(),
    status: Type.String({ enum: ['ACTIVE', 'SUSPENDED', 'DEACTIVATED'] }),
    tenant_id: nullable(Type.String()),
    partner_id: nullable(Type.String()),
    roles: Type.Array(Type.String(), { description: 'Roles that count now: own unexpired grants and the roles of the user’s groups.' }),
    permissions: Type.Array(Type.String()),
    role_grants: Type.Array(RoleGrant, { description: 'The user’s own grants.' }),
    groups: Type.Array(UserGroup),
    password_set: Type.Boolean({ description: 'False until an invited person sets a password.' }),
    last_login_at: nullable(DateTime),
    deactivated_at: nullable(DateTime),
    created_at: DateTime,
    updated_at: nullable(DateTime),
  },
  { $id: 'AdminUser', title: 'AdminUser' },
);

const GrantInput = Type.Object(
  {
    role: RoleName,
    tenant_id: Type.Optional(Id),
    partner_id: Type.Optional(Id),
    expires_at: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const UserInvite = Type.Object(
  {
    email: Email,
    display_name: Type.Optional(Type.String({ maxLength: 200 })),
    tenant_id: Type.Optional(Id),
    partner_id: Type.Optional(Id),
    roles: Type.Optional(Type.Array(GrantInput, { maxItems: 10 })),
  },
  {
    $id: 'UserInvite',
    title: 'UserInvite',
    additionalProperties: false,
    description:
      "The person is created without a password and gets a one-time link (valid 72 h by default) to set one. `tenant_id` defaults to a tenant admin's own tenant; without a tenant, `partner_id` makes partner staff (a partner admin's own partner by default).",
  },
);

export const UserInvitation = Type.Object(
  {
    data: Type.Object({
      user: ref(AdminUser),
      invitation_expires_at: DateTime,
      invitation_url: Type.Optional(Type.String({ description: 'Outside production without SMTP only (development).' })),
    }),
    meta: Type.Object({ request_id: Type.String() }),
  },
  { $id: 'UserInvitation', title: 'UserInvitation' },
);

export const UserUpdate = Type.Object(
  {
    display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Email),
    status: Type.Optional(Type.String({ enum: ['ACTIVE', 'SUSPENDED'] })),
  },
  { $id: 'UserUpdate', title: 'UserUpdate', additionalProperties: false, description: 'Only given fields change. Suspension ends every session at once. Never a password.' },
);

export const UserRolesChange = Type.Object(
  {
    grant: Type.Optional(Type.Array(GrantInput, { maxItems: 10 })),
    revoke: Type.Optional(Type.Array(Type.Object({ role: RoleName, tenant_id: Type.Optional(Id), partner_id: Type.Optional(Id) }, { additionalProperties: false }), { maxItems: 10 })),
  },
  {
    $id: 'UserRolesChange',
    title: 'UserRolesChange',
    additionalProperties: false,
    description: 'Nobody grants or revokes a role they could not hold themselves (403); a tenant role is for the user’s tenant, a partner role for its partner.',
  },
);

export const UserIdParams = Type.Object({ user_id: Id });

export const UserListQuery = Type.Object({
  page: PageNumber,
  page_size: PageSize,
  q: Type.Optional(Type.String({ maxLength: 200 })),
  tenant_id: Type.Optional(Id),
  partner_id: Type.Optional(Id),
  status: Type.Optional(Type.String({ enum: ['ACTIVE', 'SUSPENDED', 'DEACTIVATED'] })),
});

export const userSchemas = [AdminUser, UserInvite, UserInvitation, UserUpdate, UserRolesChange];
