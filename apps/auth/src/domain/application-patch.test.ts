import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { applicationPatch, type ApplicationPatchInput } from './application-rules.ts';

const serviceApp = { scope: 'GLOBAL' };
const tenantApp = { scope: 'TENANT' };

function issuesOf(current: { scope: string }, input: ApplicationPatchInput) {
  try {
    applicationPatch(current, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation_error');
    return (error as AppError).issues?.map((issue) => [issue.loc[1], issue.type]);
  }
  throw new Error('expected a validation error');
}

describe('applicationPatch', () => {
  it('changes only what was sent; allowed_scopes replaces the list (deduplicated), never merges', () => {
    expect(applicationPatch(serviceApp, {})).toEqual({});
    expect(applicationPatch(serviceApp, { allowedScopes: ['services:read', 'services:read'] })).toEqual({ allowedScopes: ['services:read'] });
    // An empty list is a replacement too: the application holds no scope afterwards.
    expect(applicationPatch(serviceApp, { allowedScopes: [] })).toEqual({ allowedScopes: [] });
    expect(applicationPatch(serviceApp, { name: '  Sync ', description: ' ', tokenLifetime: 600, status: 'DISABLED' })).toEqual({
      name: 'Sync',
      description: null,
      tokenLifetime: 600,
      status: 'DISABLED',
    });
  });

  it('refuses scope, type, tenant and partner: fixed after registration', () => {
    expect(issuesOf(serviceApp, { scope: 'TENANT', applicationType: 'WEB', tenantId: 'tnt_1', partnerId: 'prt_1' })).toEqual([
      ['scope', 'frozen_field'],
      ['application_type', 'frozen_field'],
      ['tenant_id', 'frozen_field'],
      ['partner_id', 'frozen_field'],
    ]);
  });

  it('keeps token_lifetime within 60..86400 seconds', () => {
    expect(applicationPatch(serviceApp, { tokenLifetime: 60 })).toEqual({ tokenLifetime: 60 });
    expect(applicationPatch(serviceApp, { tokenLifetime: 86_400 })).toEqual({ tokenLifetime: 86_400 });
    for (const tokenLifetime of [0, 59, 86_401, 1.5]) expect(issuesOf(serviceApp, { tokenLifetime })).toEqual([['token_lifetime', 'value_error']]);
  });

  it('refuses unknown scopes, platform scopes outside GLOBAL, bad URLs, statuses and every problem at once', () => {
    expect(issuesOf(serviceApp, { allowedScopes: ['nope:read'] })).toEqual([['allowed_scopes', 'value_error']]);
    expect(issuesOf(tenantApp, { allowedScopes: ['admin:read', 'services:read'] })).toEqual([['allowed_scopes', 'value_error']]);
    expect(applicationPatch(serviceApp, { allowedScopes: ['admin:read'] })).toEqual({ allowedScopes: ['admin:read'] });
    expect(
      issuesOf(serviceApp, { name: ' ', redirectUris: ['/relative'], allowedOrigins: ['https://a.example.com/path'], status: 'DELETED' }),
    ).toEqual([
      ['name', 'missing'],
      ['redirect_uris', 'value_error'],
      ['allowed_origins', 'value_error'],
      ['status', 'enum'],
    ]);
  });
});
