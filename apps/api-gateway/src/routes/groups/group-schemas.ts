import { Type } from '@fastify/type-provider-typebox';
import { nullable } from '../partners/partner-schemas.ts';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const DateTime = Type.String({ format: 'date-time' });

export const Group = Type.Object(
  {
    id: Type.String(),
    tenant_id: Type.String(),
    partner_id: Type.String(),
    name: Type.String(),
    description: nullable(Type.String()),
    role: nullable(Type.String({ description: 'The one role the members inherit.' })),
    member_count: Type.Integer(),
    created_at: DateTime,
    updated_at: DateTime,
  },
  { $id: 'Group', title: 'Group' },
);

export const GroupMember = Type.Object({ id: Type.String(), email: Type.String(), display_name: Type.String(), status: Type.String() });

export const GroupDetail = Type.Object(
  {
    id: Type.String(),
    tenant_id: Type.String(),
    partner_id: Type.String(),
    name: Type.String(),
    description: nullable(Type.String()),
    role: nullable(Type.String()),
    member_count: Type.Integer(),
    members: Type.Array(GroupMember),
    created_at: DateTime,
    updated_at: DateTime,
  },
  { $id: 'GroupDetail', title: 'GroupDetail' },
);

export const GroupCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    tenant_id: Id,
    description: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { $id: 'GroupCreate', title: 'GroupCreate', additionalProperties: false },
);

export const GroupRoleAssign = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 50 }) },
  { $id: 'GroupRoleAssign', title: 'GroupRoleAssign', additionalProperties: false, description: 'A tenant role: tenant_admin, billing_admin or tenant_member.' },
);

export const GroupMembersReplace = Type.Object(
  { user_ids: Type.Array(Id, { maxItems: 1000 }) },
  { $id: 'GroupMembersReplace', title: 'GroupMembersReplace', additionalProperties: false, description: 'The complete member list: users of the group’s tenant.' },
);

export const RoleInfo = Type.Object(
  {
    role: Type.String(),
    admin: Type.Boolean({ description: 'Whether it opens the admin console.' }),
    scopes: Type.Array(Type.String()),
  },
  { $id: 'RoleInfo', title: 'RoleInfo' },
);

export const GroupIdParams = Type.Object({ group_id: Id });

export const GroupListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  tenant_id: Type.Optional(Id),
  has_role: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
});

export const groupSchemas = [Group, GroupDetail, GroupCreate, GroupRoleAssign, GroupMembersReplace, RoleInfo];
