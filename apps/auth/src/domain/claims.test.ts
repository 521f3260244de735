import { describe, expect, it } from 'vitest';
import { apiAudience, platformIssuer, serviceAccessClaims, userAccessClaims } from './claims.ts';

const now = new Date('2026-01-01T00:00:00Z');
const t = now.getTime() / 1000;

describe('access token claims', () => {
  it('of an admin follow the contract (issuer, audience, times, sid, permissions)', () => {
    const claims = userAccessClaims({
      publicUrl: 'https://api.example.com',
      now,
      ttlSeconds: 900,
      userId: 'usr_1',
      email: 'a@example.com',
      tenantId: null,
      partnerId: 'prt_1',
      roles: ['partner_admin'],
      permissions: ['admin:tenants', 'admin:users'],
      clientId: 'scai-admin-console',
      sessionId: 'ses_1',
    });
    expect(claims).toMatchObject({
      iss: 'https://api.example.com/api/v1/platform/oauth',
      aud: 'https://api.example.com/api/v1',
      sub: 'usr_1',
      iat: t,
      nbf: t,
      exp: t + 900,
      client_id: 'scai-admin-console',
      scope: 'admin:tenants admin:users',
      tenant_id: null,
      partner_id: 'prt_1',
      roles: ['partner_admin'],
      permissions: ['admin:tenants', 'admin:users'],
      email: 'a@example.com',
      token_type: 'access',
      sid: 'ses_1',
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('of a SERVICE application have sub = client_id, app_scope and the granted scopes', () => {
    const claims = serviceAccessClaims({
      publicUrl: 'http://x',
      now,
      ttlSeconds: 3600,
      clientId: 'cid',
      appScope: 'TENANT',
      tenantId: 'tnt_1',
      partnerId: 'prt_1',
      grantedScopes: ['usage:report'],
    });
    expect(claims).toMatchObject({
      sub: 'cid',
      client_id: 'cid',
      token_type: 'client_credentials',
      app_scope: 'TENANT',
      scope: 'usage:report',
      permissions: ['usage:report'],
      tenant_id: 'tnt_1',
      exp: t + 3600,
    });
    expect(claims).not.toHaveProperty('sid');
  });

  it('name the platform issuer and the API audience', () => {
    expect(platformIssuer('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/api/v1/platform/oauth');
    expect(apiAudience('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/api/v1');
  });
});
