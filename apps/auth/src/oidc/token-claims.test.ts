import { describe, expect, it } from 'vitest';
import { scopeList, serviceTokenClaims, userTokenClaims } from './token-claims.ts';

describe('userTokenClaims', () => {
  const admin = { email: 'a@example.com', tenantId: 'tnt_1', partnerId: 'prt_1', roles: ['tenant_admin' as const], permissions: ['admin:users', 'organization:read', 'billing:read'] };

  it('narrows the role permissions to the scopes the application was granted', () => {
    expect(userTokenClaims(admin, ['openid', 'organization:read', 'services:read'])).toEqual({
      token_type: 'access',
      tenant_id: 'tnt_1',
      partner_id: 'prt_1',
      roles: ['tenant_admin'],
      permissions: ['organization:read'],
      email: 'a@example.com',
    });
  });

  it('grants no permission for an OIDC-only token', () => {
    expect(userTokenClaims(admin, ['openid', 'email']).permissions).toEqual([]);
  });
});

describe('serviceTokenClaims', () => {
  it('carries the application owner, app_scope and the granted scopes as permissions', () => {
    expect(serviceTokenClaims({ appScope: 'PARTNER', tenantId: null, partnerId: 'prt_1' }, ['usage:report'])).toEqual({
      token_type: 'client_credentials',
      tenant_id: null,
      partner_id: 'prt_1',
      roles: ['service'],
      permissions: ['usage:report'],
      app_scope: 'PARTNER',
    });
  });
});

describe('scopeList', () => {
  it('splits a scope string', () => {
    expect(scopeList('a  b ')).toEqual(['a', 'b']);
    expect(scopeList(undefined)).toEqual([]);
  });
});
