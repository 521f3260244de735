import { SCOPES, type Scope } from './scopes.ts';

export const ROLES = ['super_admin', 'partner_admin', 'tenant_admin', 'tenant_member', 'billing_admin', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Roles allowed into the admin panel (seed 003) and the admin registration routes. */
export const ADMIN_ROLES: readonly Role[] = ['super_admin', 'partner_admin', 'tenant_admin'];

const PLATFORM_ONLY: readonly Scope[] = ['admin:read', 'admin:write'];

/**
 * The one roles → scopes table. Reach (which partner or tenant) is decided separately:
 * a scope says what kind of thing a caller may do, reach says on whose data.
 */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  super_admin: SCOPES.filter((s) => !PLATFORM_ONLY.includes(s)),
  partner_admin: [
    // Its own partner only (reach); listing and creating partners stays with the platform.
    'admin:partners',
    'admin:tenants',
    'admin:users',
    'admin:groups',
    'admin:subscriptions',
    'admin:billing',
    'admin:usage',
    'admin:provisioning',
    'organization:read',
    'organization:manage',
    'billing:read',
    'subscriptions:read',
    'services:read',
  ],
  tenant_admin: [
    'admin:users',
    'admin:groups',
    'organization:read',
    'organization:manage',
    'billing:read',
    'billing:manage',
    'subscriptions:read',
    'subscriptions:manage',
    'services:read',
  ],
  tenant_member: ['organization:read', 'billing:read', 'subscriptions:read', 'services:read'],
  billing_admin: ['organization:read', 'billing:read', 'billing:manage', 'subscriptions:read', 'subscriptions:manage', 'services:read'],
  // A SERVICE application holds exactly the scopes its registration was approved with.
  service: [],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The union of the scopes of some roles, sorted, without duplicates. */
export function scopesOfRoles(roles: readonly Role[]): Scope[] {
  return [...new Set(roles.flatMap((role) => ROLE_SCOPES[role]))].sort();
}
