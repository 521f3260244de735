import { describe, expect, it } from 'vitest';
import type { ApplicationRow } from '../store/applications.ts';
import { apiScopesOf, clientMetadata, servedBy } from './client-metadata.ts';
import type { IssuerOwner } from './issuer.ts';

const platform: IssuerOwner = { kind: 'platform' };
const acme: IssuerOwner = { kind: 'tenant', tenant: { id: 'tnt_acme', partnerId: 'prt_1', slug: 'acme', displayName: 'Acme' } };

function app(overrides: Partial<ApplicationRow> = {}): ApplicationRow {
  const now = new Date();
  return {
    id: 'app_1',
    clientId: 'scai_1',
    clientSecretHash: 'hash',
    previousSecretHash: null,
    previousSecretExpiresAt: null,
    name: 'Portal',
    description: null,
    applicationType: 'WEB',
    scope: 'GLOBAL',
    tenantId: null,
    partnerId: null,
    redirectUris: ['https://portal.example.com/cb'],
    postLogoutRedirectUris: ['https://portal.example.com/bye'],
    allowedOrigins: ['https://portal.example.com'],
    allowedScopes: ['openid', 'email', 'organization:read'],
    grantTypes: ['authorization_code', 'refresh_token'],
    tokenLifetime: 900,
    registrationRequestId: null,
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe('servedBy', () => {
  it('puts GLOBAL applications on the platform issuer and TENANT/PARTNER ones on their tenants', () => {
    expect(servedBy(app(), platform)).toBe(true);
    expect(servedBy(app(), acme)).toBe(false);
    expect(servedBy(app({ scope: 'TENANT', tenantId: 'tnt_acme', partnerId: 'prt_1' }), acme)).toBe(true);
    expect(servedBy(app({ scope: 'TENANT', tenantId: 'tnt_other', partnerId: 'prt_1' }), acme)).toBe(false);
    expect(servedBy(app({ scope: 'PARTNER', partnerId: 'prt_1' }), acme)).toBe(true);
    expect(servedBy(app({ scope: 'PARTNER', partnerId: 'prt_2' }), acme)).toBe(false);
    expect(servedBy(app({ scope: 'TENANT', tenantId: 'tnt_acme' }), platform)).toBe(false);
  });
});

describe('clientMetadata', () => {
  it('asks for ID tokens signed with the active key algorithm', () => {
    expect(clientMetadata(app(), platform, 'ES256')).toMatchObject({ id_token_signed_response_alg: 'ES256' });
    expect(clientMetadata(app({ applicationType: 'SPA', clientSecretHash: null }), platform, 'EdDSA')).toMatchObject({ id_token_signed_response_alg: 'EdDSA' });
  });

  it('makes a WEB application a confidential code client with its stored hash and exact URIs', () => {
    expect(clientMetadata(app(), platform)).toEqual({
      client_id: 'scai_1',
      client_secret: 'hash',
      token_endpoint_auth_method: 'client_secret_basic',
      client_name: 'Portal',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['https://portal.example.com/cb'],
      post_logout_redirect_uris: ['https://portal.example.com/bye'],
      scope: 'openid email organization:read',
      id_token_signed_response_alg: 'RS256',
      allowed_origins: ['https://portal.example.com'],
      app_scope: 'GLOBAL',
      tenant_id: null,
      partner_id: null,
      token_lifetime: 900,
    });
  });

  it('makes SPA and NATIVE applications public clients', () => {
    const spa = clientMetadata(app({ applicationType: 'SPA', clientSecretHash: null }), platform);
    expect(spa).toMatchObject({ token_endpoint_auth_method: 'none', application_type: 'web' });
    expect(spa).not.toHaveProperty('client_secret');
    expect(clientMetadata(app({ applicationType: 'NATIVE', clientSecretHash: null, grantTypes: ['authorization_code', 'client_credentials'] }), platform)).toMatchObject({
      application_type: 'native',
      grant_types: ['authorization_code'],
    });
  });

  it('gives a SERVICE application client_credentials only, with no redirect URIs', () => {
    expect(clientMetadata(app({ applicationType: 'SERVICE', grantTypes: ['client_credentials'], redirectUris: ['https://x.example/cb'] }), platform)).toMatchObject({
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    });
  });

  it('drops the code grant when no redirect URI is registered', () => {
    expect(clientMetadata(app({ redirectUris: [] }), platform)).toMatchObject({ grant_types: [], response_types: [], redirect_uris: [] });
  });

  it('carries the previous secret hash and its expiry (epoch seconds) during a rotation grace', () => {
    const expires = new Date('2030-01-01T00:00:00.000Z');
    expect(clientMetadata(app({ previousSecretHash: 'old', previousSecretExpiresAt: expires }), platform)).toMatchObject({
      client_secret: 'hash',
      previous_secret_hash: 'old',
      previous_secret_expires_at: expires.getTime() / 1000,
    });
    expect(clientMetadata(app(), platform)).not.toHaveProperty('previous_secret_hash');
  });

  it('has no client for a suspended, SAML, secretless confidential or foreign application', () => {
    expect(clientMetadata(app({ status: 'SUSPENDED' }), platform)).toBeUndefined();
    expect(clientMetadata(app({ status: 'DISABLED' }), platform)).toBeUndefined();
    expect(clientMetadata(app({ applicationType: 'SAML_SP' }), platform)).toBeUndefined();
    expect(clientMetadata(app({ clientSecretHash: null }), platform)).toBeUndefined();
    expect(clientMetadata(app(), acme)).toBeUndefined();
  });
});

describe('apiScopesOf', () => {
  it('keeps the API scopes, not the OIDC ones', () => {
    expect(apiScopesOf(['openid', 'profile', 'email', 'offline_access', 'admin:read', 'usage:report'])).toEqual(['admin:read', 'usage:report']);
  });
});
