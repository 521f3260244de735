import type { GroupSnapshot, UserSnapshot } from '../events/people-events.ts';
import type { UserView } from '../store/users.ts';

export function userSnapshot(user: UserView): UserSnapshot {
  return {
    email: user.email,
    display_name: user.displayName,
    status: user.status,
    roles: user.roleGrants.map((grant) => ({
      role: grant.role,
      tenant_id: grant.tenantId,
      partner_id: grant.partnerId,
      expires_at: grant.expiresAt?.toISOString() ?? null,
    })),
  };
}

export function groupSnapshot(group: { name: string; description: string | null; role: string | null }, memberIds: string[]): GroupSnapshot {
  return { name: group.name, description: group.description, role: group.role, member_ids: [...memberIds].sort() };
}
