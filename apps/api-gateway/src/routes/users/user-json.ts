import type { Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { auth } from '@scai/proto';
import { clientOf } from '../admin-auth/client-address.ts';
import type { AdminUser } from './user-schemas.ts';

type Status = Static<typeof AdminUser>['status'];

export function userJson(user: auth.v1.User | undefined): Static<typeof AdminUser> {
  if (!user) throw new Error('auth service answered without a user');
  return {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    status: user.status as Status,
    tenant_id: user.tenantId ?? null,
    partner_id: user.partnerId ?? null,
    roles: user.roles,
    permissions: user.permissions,
    role_grants: user.roleGrants.map((grant) => ({
      role: grant.role,
      tenant_id: grant.tenantId ?? null,
      partner_id: grant.partnerId ?? null,
      expires_at: grant.expiresAt ?? null,
    })),
    groups: user.groups.map((group) => ({ id: group.id, name: group.name, role: group.role ?? null })),
    password_set: user.passwordSet,
    last_login_at: user.lastLoginAt ?? null,
    deactivated_at: user.deactivatedAt ?? null,
    created_at: user.createdAt ?? '',
    updated_at: user.updatedAt ?? null,
  };
}

const { UserStatus } = auth.v1;

export function userStatusToWire(status: string | undefined): auth.v1.UserStatus {
  if (status === 'ACTIVE') return UserStatus.ACTIVE;
  if (status === 'SUSPENDED') return UserStatus.SUSPENDED;
  if (status === 'DEACTIVATED') return UserStatus.DEACTIVATED;
  return UserStatus.UNSPECIFIED;
}

export function grantToWire(grant: { role: string; tenant_id?: string; partner_id?: string; expires_at?: string }): auth.v1.RoleGrant {
  return { role: grant.role, tenantId: grant.tenant_id, partnerId: grant.partner_id, expiresAt: grant.expires_at };
}

/** The audit fields every change carries to the auth app: the end user's address and agent. */
export function auditFields(request: FastifyRequest): { clientIp: string; userAgent: string } {
  return clientOf(request);
}
