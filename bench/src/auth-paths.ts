import type { RunningPlatform } from '@scai/platform';
import { measureHttp, type LoadShape } from './http-load.ts';
import { measureCalls, type LoadResult } from './measure-grpc.ts';
import { signInOnce } from './oidc-sign-in.ts';

export interface AuthPathResults {
  logins: LoadResult;
  clientCredentials: LoadResult;
  signIns: LoadResult;
}

/** A GLOBAL SERVICE application, filed and approved as an admin would. */
async function approvedService(gatewayUrl: string, token: string): Promise<{ client_id: string; client_secret: string }> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const filed = await fetch(`${gatewayUrl}/api/v1/admin/registration-requests/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ scope: 'GLOBAL', name: 'Bench service', application_type: 'SERVICE', contact_email: 'ops@bench.test', requested_scopes: ['services:read'] }),
  });
  const requestId = ((await filed.json()) as { data: { id: string } }).data.id;
  const approval = await fetch(`${gatewayUrl}/api/v1/admin/registration-requests/${requestId}/approve`, { method: 'POST', headers, body: '{}' });
  return ((await approval.json()) as { data: { client_id: string; client_secret: string } }).data;
}

/** Phases 3–5 of the bench: admin logins, client_credentials grants, complete OIDC sign-ins. */
export async function measureAuthPaths(platform: RunningPlatform, token: string, shape: LoadShape): Promise<AuthPathResults> {
  const { gatewayUrl } = platform;
  const logins = await measureHttp(
    `${gatewayUrl}/api/v1/admin/auth/login`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: platform.adminEmail, password: platform.adminPassword }) },
    shape,
  );

  const service = await approvedService(gatewayUrl, token);
  const clientCredentials = await measureHttp(
    `${gatewayUrl}/api/v1/platform/oauth/token`,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${service.client_id}:${service.client_secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    },
    shape,
  );

  const consoleSettings = (await (await fetch(`${gatewayUrl}/api/v1/auth/config`)).json()) as { issuer: string; client_id: string; scopes: string[] };
  const signIns = await measureCalls(
    () =>
      signInOnce({
        gatewayUrl,
        issuer: consoleSettings.issuer,
        clientId: consoleSettings.client_id,
        scopes: consoleSettings.scopes,
        // The console client's default redirect URI (CONSOLE_REDIRECT_URIS unset).
        redirectUri: `${gatewayUrl}/console/callback`,
        user: { email: platform.adminEmail, password: platform.adminPassword },
      }),
    { connections: shape.connections, durationSeconds: shape.durationSeconds },
  );
  return { logins, clientCredentials, signIns };
}
