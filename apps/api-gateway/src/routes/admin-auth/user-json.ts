import type { auth } from '@scai/proto';

/** The admin user of the auth service as the seed's JSON (snake_case, nulls for absent values). */
export function userJson(user: auth.v1.User | undefined) {
  if (!user) throw new Error('auth service answered without a user');
  return {
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    status: user.status,
    tenant_id: user.tenantId ?? null,
    partner_id: user.partnerId ?? null,
    roles: user.roles,
    permissions: user.permissions,
    last_login_at: user.lastLoginAt ?? null,
    created_at: user.createdAt ?? null,
  };
}
