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

/** The kinds of resource a route's path or body can name, each owned by a partner or tenant. */
export type ReachedResource = 'partner' | 'tenant' | 'user' | 'group' | 'application' | 'registration_request' | 'subscription' | 'pack_subscription';

/**
 * What a route touches, declared next to its `auth` (`config.reach`) so the reach matrix
 * can call every route as every kind of caller and know which answers are allowed:
 * - `none`: nothing owned by a partner or tenant (health, the document, sign-in);
 * - `self`: only the caller's own identity or session;
 * - `own_tenant`: the caller's own tenant's data (`/billing/*`); a caller without a tenant is refused;
 * - `platform`: data the platform owns itself, no partner or tenant (the catalog): the same
 *   for every caller who may see it, written by platform admins only;
 * - `{ collection }`: a list or create over that resource, answered within the caller's reach;
 *   `ownerIn: 'body'` on a create that names its owning partner or tenant in the body
 *   (an owner out of reach is refused like an out-of-reach id);
 * - `{ resource, param }`: the one resource the path parameter names; out of reach answers 404.
 */
export type RouteReach =
  | 'none'
  | 'self'
  | 'own_tenant'
  | 'platform'
  | { collection: ReachedResource; ownerIn?: 'body' }
  | { resource: ReachedResource; param: string };
