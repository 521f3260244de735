import type { Access, Role, Scope } from '@scai/permissions';

/**
 * What a route requires of its caller, declared on the route (`config.auth`) and
 * enforced by one hook. A route without it fails the route-declaration test.
 */
export type RouteAuth =
  | 'public'
  | 'authenticated'
  | { scope: Scope; access?: Access }
  | { roles: readonly Role[] };

export const ADMIN_ROLE_AUTH: RouteAuth = { roles: ['super_admin', 'partner_admin', 'tenant_admin'] };
