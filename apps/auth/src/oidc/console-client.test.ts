import { describe, expect, it } from 'vitest';
import { SCOPES } from '@scai/permissions';
import type { ApplicationRow } from '../store/applications.ts';
import { clientMetadata } from './client-metadata.ts';
import { consoleClient } from './console-client.ts';

const base = { PUBLIC_URL: 'https://cp.example.com', CONSOLE_REDIRECT_URIS: undefined, CONSOLE_POST_LOGOUT_REDIRECT_URIS: undefined };

describe('consoleClient', () => {
  it('defaults to the console under the public origin, on the platform issuer, with every API scope', () => {
    const client = consoleClient(base);
    expect(client).toMatchObject({
      clientId: 'scai-admin-console',
      issuer: 'https://cp.example.com/api/v1/platform/oauth',
      logoutUrl: 'https://cp.example.com/api/v1/platform/oauth/logout',
      redirectUris: ['https://cp.example.com/console/callback'],
      postLogoutRedirectUris: ['https://cp.example.com/console/'],
      allowedOrigins: ['https://cp.example.com'],
    });
    expect(client.scopes.slice(0, 3)).toEqual(['openid', 'profile', 'email']);
    expect(client.scopes).toEqual(expect.arrayContaining([...SCOPES]));
  });

  it('takes the redirect URIs from the configuration (comma list), their origins allowed', () => {
    const client = consoleClient({ ...base, CONSOLE_REDIRECT_URIS: 'https://admin.example.com/cb, http://localhost:5173/cb ,https://admin.example.com/cb', CONSOLE_POST_LOGOUT_REDIRECT_URIS: 'https://admin.example.com/' });
    expect(client.redirectUris).toEqual(['https://admin.example.com/cb', 'http://localhost:5173/cb']);
    expect(client.allowedOrigins).toEqual(['https://admin.example.com', 'http://localhost:5173']);
    expect(client.postLogoutRedirectUris).toEqual(['https://admin.example.com/']);
  });

  it('is a public code + refresh client of the platform issuer once stored', () => {
    const client = consoleClient(base);
    const now = new Date();
    const row: ApplicationRow = {
      id: 'app_console',
      clientId: client.clientId,
      clientSecretHash: null,
      previousSecretHash: null,
      previousSecretExpiresAt: null,
      name: 'Admin console',
      description: null,
      applicationType: 'SPA',
      scope: 'GLOBAL',
      tenantId: null,
      partnerId: null,
      redirectUris: client.redirectUris,
      postLogoutRedirectUris: client.postLogoutRedirectUris,
      allowedOrigins: client.allowedOrigins,
      allowedScopes: client.scopes,
      grantTypes: ['authorization_code', 'refresh_token'],
      tokenLifetime: 900,
      registrationRequestId: null,
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    };
    expect(clientMetadata(row, { kind: 'platform' })).toMatchObject({
      client_id: 'scai-admin-console',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://cp.example.com/console/callback'],
      token_lifetime: 900,
    });
  });
});
