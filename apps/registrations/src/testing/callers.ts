import type { Caller, Role } from '@scai/permissions';

/** Callers of each admin level, for the rule tests. */
export function adminCaller(role: Role, ids: { subject?: string; partnerId?: string; tenantId?: string } = {}): Caller {
  return {
    subject: ids.subject ?? `usr_${role}`,
    kind: 'user',
    tenantId: ids.tenantId ?? null,
    partnerId: ids.partnerId ?? null,
    roles: [role],
    permissions: [],
    clientId: null,
    appScope: null,
  };
}

export const superAdmin = adminCaller('super_admin', { subject: 'usr_super' });
export const partnerAdminA = adminCaller('partner_admin', { subject: 'usr_pa', partnerId: 'prt_a' });
export const partnerAdminB = adminCaller('partner_admin', { subject: 'usr_pb', partnerId: 'prt_b' });
export const tenantAdminA1 = adminCaller('tenant_admin', { subject: 'usr_ta1', partnerId: 'prt_a', tenantId: 'tnt_a1' });
export const tenantAdminA2 = adminCaller('tenant_admin', { subject: 'usr_ta2', partnerId: 'prt_a', tenantId: 'tnt_a2' });
export const tenantMember = adminCaller('tenant_member', { subject: 'usr_tm', partnerId: 'prt_a', tenantId: 'tnt_a1' });
