import { isRole, isSuperAdmin, reachOf, type Caller, type Role } from '@scai/permissions';

/**
 * Who may hand out which role (domain.md: nobody grants what they do not hold). Each
 * admin level delegates its own role and the ones below it, never one above: a tenant
 * admin cannot make anyone partner or super admin, a partner admin cannot make a super
 * admin. `service` belongs to SERVICE applications and is never given to a person.
 */
const DELEGABLE: Record<Role, readonly Role[]> = {
  super_admin: ['super_admin', 'partner_admin', 'tenant_admin', 'billing_admin', 'tenant_member'],
  partner_admin: ['partner_admin', 'tenant_admin', 'billing_admin', 'tenant_member'],
  tenant_admin: ['tenant_admin', 'billing_admin', 'tenant_member'],
  billing_admin: ['billing_admin', 'tenant_member'],
  tenant_member: ['tenant_member'],
  service: [],
};

/** Roles that live inside one tenant (the only ones a group, which belongs to a tenant, may carry). */
export const TENANT_ROLES: readonly Role[] = ['tenant_admin', 'billing_admin', 'tenant_member'];

export function isTenantRole(role: string): boolean {
  return (TENANT_ROLES as readonly string[]).includes(role);
}

/** Whether the caller may give (or take away) this role at all, wherever. */
export function mayDelegate(caller: Caller, role: string): boolean {
  if (!isRole(role) || role === 'service') return false;
  if (isSuperAdmin(caller)) return true;
  return caller.roles.some((held) => DELEGABLE[held].includes(role));
}

/** Whether the caller may change a person holding these roles (suspend, deactivate, edit, regroup). */
export function mayManage(caller: Caller, targetRoles: readonly string[]): boolean {
  return targetRoles.every((role) => mayDelegate(caller, role));
}

/** The user (or group) a role is given to: its tenant and partner. */
export interface GrantTarget {
  tenantId: string | null;
  partnerId: string | null;
}

export interface GrantInput {
  role: string;
  tenantId?: string | null;
  partnerId?: string | null;
  expiresAt?: Date | null;
}

export interface CheckedGrant {
  role: Role;
  tenantId: string | null;
  partnerId: string | null;
  expiresAt: Date | null;
}

export type GrantVerdict = { ok: true; grant: CheckedGrant } | { ok: false; status: 'forbidden' | 'invalid'; message: string };

const invalid = (message: string): GrantVerdict => ({ ok: false, status: 'invalid', message });
const forbidden = (message: string): GrantVerdict => ({ ok: false, status: 'forbidden', message });

/**
 * Checks one grant of the admin API and fills in its scope: a partner role is for the
 * user's partner, a tenant role for the user's tenant. Refusals the caller's own standing
 * explains (a role it may not delegate, a tenant or partner outside its reach) are
 * `forbidden`; a grant that makes no sense for this user is `invalid` (422).
 */
export function checkGrant(caller: Caller, input: GrantInput, target: GrantTarget, now: Date): GrantVerdict {
  const role = input.role;
  if (!isRole(role) || role === 'service') return invalid(`unknown role ${role}`);
  if (!mayDelegate(caller, role)) return forbidden(`You may not grant the role ${role}`);

  let tenantId: string | null = null;
  let partnerId: string | null = null;
  if (role === 'partner_admin') {
    partnerId = input.partnerId || target.partnerId;
    if (!partnerId) return invalid('partner_admin needs partner_id');
  } else if (isTenantRole(role)) {
    tenantId = input.tenantId || target.tenantId;
    if (!tenantId) return invalid(`${role} needs tenant_id`);
    partnerId = target.partnerId;
  }

  const reach = reachOf(caller);
  if (reach.level === 'none') return forbidden(`You may not grant the role ${role}`);
  if (reach.level === 'tenant' && tenantId !== reach.tenantId) return forbidden('You may not grant a role for another tenant');
  if (reach.level === 'partner' && role === 'partner_admin' && partnerId !== reach.partnerId) return forbidden('You may not grant a role for another partner');

  if (role === 'partner_admin' && partnerId !== target.partnerId) return invalid("partner_admin must be for the user's own partner");
  if (tenantId !== null && tenantId !== target.tenantId) return invalid("a tenant role must be for the user's own tenant");
  if (input.partnerId && isTenantRole(role) && input.partnerId !== target.partnerId) return invalid("a tenant role must be for the user's own partner");
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return invalid('expires_at must be in the future');
  return { ok: true, grant: { role, tenantId, partnerId, expiresAt } };
}
