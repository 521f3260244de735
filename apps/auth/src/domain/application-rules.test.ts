import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { applicationSpec, grantedScopes, isConfidential, type ApplicationInput } from './application-rules.ts';

const base: ApplicationInput = {
  name: 'Billing sync',
  applicationType: 'SERVICE',
  scope: 'TENANT',
  tenantId: 'tnt_1',
  partnerId: 'prt_1',
  redirectUris: [],
  postLogoutRedirectUris: [],
  allowedOrigins: [],
  allowedScopes: ['usage:report'],
  grantTypes: [],
};

function issuesOf(input: ApplicationInput) {
  try {
    applicationSpec(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues?.map((issue) => issue.loc[1]);
  }
  throw new Error('expected a validation error');
}

describe('applicationSpec', () => {
  it('fills defaults: client_credentials for SERVICE, 3600 s lifetime', () => {
    const spec = applicationSpec(base);
    expect(spec.grantTypes).toEqual(['client_credentials']);
    expect(spec.tokenLifetime).toBe(3600);
    expect(spec.description).toBeNull();
  });

  it('keeps SERVICE on client_credentials only and SPA/NATIVE off it', () => {
    expect(issuesOf({ ...base, grantTypes: ['client_credentials', 'authorization_code'] })).toEqual(['grant_types']);
    expect(issuesOf({ ...base, applicationType: 'SPA', grantTypes: ['client_credentials'] })).toEqual(['grant_types']);
    expect(issuesOf({ ...base, applicationType: 'NATIVE', grantTypes: ['client_credentials'] })).toEqual(['grant_types']);
    expect(applicationSpec({ ...base, applicationType: 'SPA' }).grantTypes).toEqual(['authorization_code', 'refresh_token']);
  });

  it('checks the owner of each scope', () => {
    expect(issuesOf({ ...base, tenantId: null })).toEqual(['tenant_id']);
    expect(issuesOf({ ...base, scope: 'PARTNER', partnerId: null, tenantId: null })).toEqual(['partner_id']);
    expect(issuesOf({ ...base, scope: 'GLOBAL' })).toEqual(['scope']);
    expect(applicationSpec({ ...base, scope: 'GLOBAL', tenantId: null, partnerId: null }).scope).toBe('GLOBAL');
  });

  it('reports every bad field at once', () => {
    expect(
      issuesOf({
        ...base,
        name: ' ',
        applicationType: 'ROBOT',
        allowedScopes: ['root'],
        redirectUris: ['not a url'],
        allowedOrigins: ['https://a.example/path'],
        tokenLifetime: 5,
      }),
    ).toEqual(['name', 'application_type', 'allowed_scopes', 'redirect_uris', 'allowed_origins', 'token_lifetime']);
  });

  it('knows which types are confidential', () => {
    expect(['WEB', 'SPA', 'NATIVE', 'SERVICE', 'SAML_SP'].map((t) => isConfidential(t as never))).toEqual([true, false, false, true, true]);
  });
});

describe('grantedScopes', () => {
  it('grants everything allowed by default, a subset on request, nothing beyond', () => {
    expect(grantedScopes(undefined, ['a', 'b'])).toEqual(['a', 'b']);
    expect(grantedScopes('', ['a', 'b'])).toEqual(['a', 'b']);
    expect(grantedScopes('b', ['a', 'b'])).toEqual(['b']);
    expect(grantedScopes('b c', ['a', 'b'])).toBeNull();
  });
});
