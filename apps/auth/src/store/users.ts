import type { User, UserRole } from '../generated/prisma/client.ts';
import { effectiveRoles, permissionsOf } from '../domain/roles.ts';
import type { Role } from '@scai/permissions';
import type { Db, Tx } from './prisma.ts';

export type UserWithRoles = User & { roles: UserRole[] };

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
}

/** E-mail addresses are compared and stored lower-cased (unique case-insensitively). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Db | Tx, email: string): Promise<UserWithRoles | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(email) }, include: { roles: true } });
}

export function findUserById(db: Db | Tx, id: string): Promise<UserWithRoles | null> {
  return db.user.findUnique({ where: { id }, include: { roles: true } });
}

export function userView(user: UserWithRoles, now: Date): UserView {
  const roles = effectiveRoles(user.roles, now);
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
  };
}
