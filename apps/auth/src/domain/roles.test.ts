import { describe, expect, it } from 'vitest';
import { effectiveRoles, holdsAdminRole, permissionsOf, roleGrantProblem } from './roles.ts';

const now = new Date('2026-01-01T00:00:00Z');

describe('roles', () => {
  it('drop expired and unknown grants', () => {
    const roles = effectiveRoles(
      [
        { role: 'tenant_admin', tenantId: 't', partnerId: null, expiresAt: new Date('2025-01-01T00:00:00Z') },
        { role: 'tenant_member', tenantId: 't', partnerId: null, expiresAt: null },
        { role: 'billing_admin', tenantId: 't', partnerId: null, expiresAt: new Date('2027-01-01T00:00:00Z') },
        { role: 'wizard', tenantId: null, partnerId: null, expiresAt: null },
      ],
      now,
    );
    expect(roles).toEqual(['billing_admin', 'tenant_member']);
    expect(holdsAdminRole(roles)).toBe(false);
    expect(holdsAdminRole(['tenant_admin'])).toBe(true);
  });

  it('map to the scopes of the permissions library', () => {
    expect(permissionsOf(['tenant_member'])).toEqual(['billing:read', 'organization:read', 'services:read', 'subscriptions:read']);
  });

  it('check what a grant needs', () => {
    expect(roleGrantProblem({ role: 'partner_admin' })).toMatch(/partner_id/);
    expect(roleGrantProblem({ role: 'tenant_admin', partnerId: 'p' })).toMatch(/tenant_id/);
    expect(roleGrantProblem({ role: 'tenant_admin', tenantId: 't' })).toBeNull();
    expect(roleGrantProblem({ role: 'nope' })).toMatch(/unknown/);
  });
});
