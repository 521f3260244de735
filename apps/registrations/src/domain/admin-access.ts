import { AppError } from '@scai/api';
import { ADMIN_ROLES, isSuperAdmin, requireRole, type Access, type Caller } from '@scai/permissions';

/**
 * The registration routes are for admins (api-catalog: "admin role"). A GLOBAL platform
 * token passes `requireRole` with admin:read or admin:write; its writes need admin:write.
 */
export function requireAdmin(caller: Caller, access: Access): void {
  requireRole(caller, ADMIN_ROLES);
  const platformToken = caller.kind === 'service' && caller.appScope === 'GLOBAL' && !isSuperAdmin(caller);
  const isAdminByRole = caller.roles.some((role) => ADMIN_ROLES.includes(role));
  if (platformToken && !isAdminByRole && access === 'write' && !caller.permissions.includes('admin:write')) {
    throw new AppError('forbidden', 'Platform token requires admin:read or admin:write scope');
  }
}
