import type { Static } from '@fastify/type-provider-typebox';
import type { auth } from '@scai/proto';
import type { Group, GroupDetail } from './group-schemas.ts';

export function groupJson(group: auth.v1.Group | undefined): Static<typeof Group> {
  if (!group) throw new Error('auth service answered without a group');
  return {
    id: group.id,
    tenant_id: group.tenantId,
    partner_id: group.partnerId,
    name: group.name,
    description: group.description ?? null,
    role: group.role ?? null,
    member_count: group.memberCount,
    created_at: group.createdAt ?? '',
    updated_at: group.updatedAt ?? '',
  };
}

export function groupDetailJson(group: auth.v1.Group | undefined): Static<typeof GroupDetail> {
  const base = groupJson(group);
  return { ...base, members: (group?.members ?? []).map((m) => ({ id: m.id, email: m.email, display_name: m.displayName, status: m.status })) };
}
