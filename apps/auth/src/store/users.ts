import type { Group, User, UserRole } from '../generated/prisma/client.ts';
import { effectiveRoles, permissionsOf, type RoleGrantRow } from '../domain/roles.ts';
import type { Role } from '@scai/permissions';
import type { Db, Tx } from './prisma.ts';

type GroupOfMember = Pick<Group, 'id' | 'name' | 'role' | 'tenantId' | 'partnerId'>;

/** A user with its own role grants and its groups (whose one role its members inherit). */
export type UserWithRoles = User & { roles: UserRole[]; memberships: { group: GroupOfMember }[] };

/** What every read of a user loads: enough to compute the roles that count. */
export const USER_INCLUDE = {
  roles: { orderBy: { role: 'asc' } },
  memberships: { select: { group: { select: { id: true, name: true, role: true, tenantId: true, partnerId: true } } } },
} as const;

/** A user with the roles and scopes that count at `now`. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  status: string;
  tenantId: string | null;
  partnerId: string | null;
  roles: Role[];
  permissions: string[];
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
  /** False for an invited person who has not set a password yet. */
  passwordSet: boolean;
  /** The user's own grants (expired ones too); `roles` is what counts now. */
  roleGrants: RoleGrantRow[];
  groups: { id: string; name: string; role: string | null }[];
}

/** E-mail addresses are compared and stored lower-cased (unique case-insensitively). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Db | Tx, email: string): Promise<UserWithRoles | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(email) }, include: USER_INCLUDE });
}

export function findUserById(db: Db | Tx, id: string): Promise<UserWithRoles | null> {
  return db.user.findUnique({ where: { id }, include: USER_INCLUDE });
}

/**
 * The one place a person's roles are computed (tokens, refresh, `/admin/auth/me`, the
 * OpenID provider's claims): their own unexpired grants ∪ the roles of their groups.
 */
export function grantsOf(user: Pick<UserWithRoles, 'roles' | 'memberships'>): RoleGrantRow[] {
  const inherited = user.memberships.flatMap(({ group }) =>
    group.role ? [{ role: group.role, tenantId: group.tenantId, partnerId: group.partnerId, expiresAt: null }] : [],
  );
  return [...user.roles, ...inherited];
}

export function userView(user: UserWithRoles, now: Date): UserView {
  const roles = effectiveRoles(grantsOf(user), now);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    tenantId: user.tenantId,
    partnerId: user.partnerId,
    roles,
    permissions: permissionsOf(roles),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    deactivatedAt: user.deactivatedAt,
    passwordSet: user.passwordHash !== null,
    roleGrants: user.roles.map(({ role, tenantId, partnerId, expiresAt }) => ({ role, tenantId, partnerId, expiresAt })),
    groups: user.memberships.map(({ group }) => ({ id: group.id, name: group.name, role: group.role })),
  };
}
