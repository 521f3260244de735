import { AppError } from '@scai/api';
import type { Caller } from './caller.ts';
import type { Scope } from './scopes.ts';

export type Access = 'read' | 'write';

function isPlatformServiceToken(caller: Caller): boolean {
  return caller.kind === 'service' && caller.appScope === 'GLOBAL';
}

export function isSuperAdmin(caller: Caller): boolean {
  return caller.roles.includes('super_admin');
}

/**
 * Whether a caller may use a scope. Super admins pass everything. A GLOBAL SERVICE
 * token reaches `admin:*` routes only through `admin:read` (reads) or `admin:write`
 * (writes) in its own scope (domain.md), besides any scope it was approved for.
 */
export function can(caller: Caller, scope: Scope, access: Access = 'read'): boolean {
  if (isSuperAdmin(caller)) return true;
  if (caller.permissions.includes(scope)) return true;
  if (isPlatformServiceToken(caller) && scope.startsWith('admin:')) {
    return caller.permissions.includes(access === 'write' ? 'admin:write' : 'admin:read');
  }
  return false;
}

/** Throws 403 `forbidden` unless the caller may use the scope. */
export function requirePermission(caller: Caller, scope: Scope, access: Access = 'read'): void {
  if (can(caller, scope, access)) return;
  if (isPlatformServiceToken(caller) && scope.startsWith('admin:')) {
    throw new AppError('forbidden', 'Platform token requires admin:read or admin:write scope');
  }
  throw new AppError('forbidden', `Missing permission: ${scope}`);
}

/** Throws 403 unless the caller holds one of the roles (super admin always passes). */
export function requireRole(caller: Caller, roles: readonly string[]): void {
  if (isSuperAdmin(caller)) return;
  if (caller.roles.some((role) => roles.includes(role))) return;
  if (isPlatformServiceToken(caller) && (caller.permissions.includes('admin:read') || caller.permissions.includes('admin:write'))) {
    return;
  }
  throw new AppError('forbidden', 'Admin role required');
}
