import { describe, expect, it } from 'vitest';
import { AppError, type ValidationIssue } from '@scai/api';
import { buildRegistrationDraft, type RegistrationInput } from './registration-draft.ts';

const base: RegistrationInput = {
  scope: 'TENANT',
  tenantId: 'tnt_1',
  name: 'Portal',
  applicationType: 'WEB',
  redirectUris: ['https://portal.example.com/callback'],
  contactEmail: 'dev@example.com',
};

function issuesOf(input: RegistrationInput): ValidationIssue[] {
  try {
    buildRegistrationDraft(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_error');
    return (error as AppError).issues ?? [];
  }
  throw new Error('expected a validation error');
}

describe('buildRegistrationDraft', () => {
  it('applies the seed defaults for scopes and grant types', () => {
    const draft = buildRegistrationDraft(base);
    expect(draft.requestedScopes).toEqual(['openid', 'profile', 'email']);
    expect(draft.grantTypes).toEqual(['authorization_code', 'refresh_token']);
    expect(draft.postLogoutRedirectUris).toEqual([]);
    expect(draft.description).toBeNull();
  });

  it('keeps explicit scopes and grant types', () => {
    const draft = buildRegistrationDraft({ ...base, requestedScopes: ['openid'], grantTypes: ['client_credentials'] });
    expect(draft.requestedScopes).toEqual(['openid']);
    expect(draft.grantTypes).toEqual(['client_credentials']);
  });

  it('requires tenant_id for TENANT scope', () => {
    expect(issuesOf({ ...base, tenantId: null })).toContainEqual(expect.objectContaining({ loc: ['body', 'tenant_id'], type: 'missing' }));
  });

  it('requires partner_id for PARTNER scope and forbids tenant_id there', () => {
    const issues = issuesOf({ ...base, scope: 'PARTNER' });
    expect(issues.map((i) => i.loc)).toEqual(expect.arrayContaining([['body', 'partner_id'], ['body', 'tenant_id']]));
  });

  it('forbids tenant_id and partner_id for GLOBAL scope', () => {
    const issues = issuesOf({ ...base, scope: 'GLOBAL', partnerId: 'prt_1' });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loc: ['body', 'tenant_id'], type: 'extra_forbidden' }),
        expect.objectContaining({ loc: ['body', 'partner_id'], type: 'extra_forbidden' }),
      ]),
    );
  });

  it('accepts GLOBAL without ids and PARTNER with a partner', () => {
    expect(buildRegistrationDraft({ ...base, scope: 'GLOBAL', tenantId: undefined }).tenantId).toBeNull();
    const partner = buildRegistrationDraft({ ...base, scope: 'PARTNER', tenantId: undefined, partnerId: 'prt_1' });
    expect(partner.partnerId).toBe('prt_1');
  });

  it('refuses unknown scope and application type', () => {
    const issues = issuesOf({ ...base, scope: 'WORLD', applicationType: 'DESKTOP' });
    expect(issues.map((i) => i.loc)).toEqual(expect.arrayContaining([['body', 'scope'], ['body', 'application_type']]));
  });

  it('requires absolute https redirect URIs, http only for localhost', () => {
    const issues = issuesOf({
      ...base,
      redirectUris: ['https://ok.example.com/cb', 'http://evil.example.com/cb', '/relative', 'http://localhost:3000/cb', 'https://x.example.com/#frag'],
    });
    expect(issues.map((i) => i.loc)).toEqual([
      ['body', 'redirect_uris', 1],
      ['body', 'redirect_uris', 2],
      ['body', 'redirect_uris', 4],
    ]);
  });

  it('checks post-logout URIs and allowed origins too', () => {
    const issues = issuesOf({ ...base, postLogoutRedirectUris: ['ftp://x'], allowedOrigins: ['https://a.example.com/path'] });
    expect(issues.map((i) => i.loc)).toEqual([
      ['body', 'post_logout_redirect_uris', 0],
      ['body', 'allowed_origins', 0],
    ]);
  });

  it.each(['WEB', 'SPA', 'NATIVE'])('requires a redirect URI for %s with authorization_code', (type) => {
    expect(issuesOf({ ...base, applicationType: type, redirectUris: [] })).toContainEqual(
      expect.objectContaining({ loc: ['body', 'redirect_uris'] }),
    );
  });

  it('lets SERVICE applications go without redirect URIs', () => {
    expect(buildRegistrationDraft({ ...base, applicationType: 'SERVICE', redirectUris: [], grantTypes: ['client_credentials'] }).redirectUris).toEqual([]);
  });

  it('gives SERVICE applications client_credentials instead of the seed default', () => {
    const draft = buildRegistrationDraft({ ...base, applicationType: 'SERVICE', redirectUris: [], grantTypes: ['authorization_code', 'refresh_token'] });
    expect(draft.grantTypes).toEqual(['client_credentials']);
    expect(issuesOf({ ...base, applicationType: 'SERVICE', grantTypes: ['client_credentials', 'refresh_token'] })).toContainEqual(
      expect.objectContaining({ loc: ['body', 'grant_types'] }),
    );
  });

  it('refuses unknown requested scopes', () => {
    expect(issuesOf({ ...base, requestedScopes: ['openid', 'root:everything'] })).toContainEqual(
      expect.objectContaining({ loc: ['body', 'requested_scopes', 1] }),
    );
    expect(buildRegistrationDraft({ ...base, requestedScopes: ['openid', 'admin:tenants'] }).requestedScopes).toEqual(['openid', 'admin:tenants']);
  });

  it('refuses client_credentials for public clients and unknown grant types', () => {
    const issues = issuesOf({ ...base, applicationType: 'SPA', grantTypes: ['authorization_code', 'client_credentials', 'password'] });
    expect(issues.map((i) => i.loc)).toEqual(expect.arrayContaining([['body', 'grant_types', 2], ['body', 'grant_types']]));
  });

  it('requires a name and a valid contact e-mail', () => {
    const issues = issuesOf({ ...base, name: '  ', contactEmail: 'nope' });
    expect(issues.map((i) => i.loc)).toEqual(expect.arrayContaining([['body', 'name'], ['body', 'contact_email']]));
  });

  it('refuses a website_url that is not http(s)', () => {
    expect(issuesOf({ ...base, websiteUrl: 'javascript:alert(1)' })).toContainEqual(expect.objectContaining({ loc: ['body', 'website_url'] }));
  });
});
