import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import { auth } from '@scai/proto';
import { ensureConsoleClient } from '../oidc/console-client.ts';
import { createUser, outboxTypes, PUBLIC_URL, startHarness, type Harness } from '../test-support/harness.ts';

let h: Harness;
let channel: auth.v1.AuthenticationServiceClient;
let authentication: BoundClient<auth.v1.AuthenticationServiceClient>;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const userCaller = (id: string, roles: Caller['roles']): Caller => ({ subject: id, kind: 'user', tenantId: 'tnt_1', partnerId: null, roles, permissions: [], clientId: 'x', appScope: null });

beforeAll(async () => {
  h = await startHarness('authentication', { CONSOLE_REDIRECT_URIS: 'https://console.example.com/cb' });
  channel = createChannelClient(auth.v1.AuthenticationServiceClient, `127.0.0.1:${h.app.ports.grpc}`);
  authentication = bindClient(channel);
});

afterAll(async () => {
  channel?.close();
  await h?.close();
});

describe('the admin console client', () => {
  it('is registered at start-up once, with its event; a later start updates it in place', async () => {
    const rows = await h.db.application.findMany({ where: { clientId: 'scai-admin-console' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ applicationType: 'SPA', scope: 'GLOBAL', clientSecretHash: null, redirectUris: ['https://console.example.com/cb'], allowedOrigins: ['https://console.example.com'], status: 'ACTIVE' });
    expect((await outboxTypes(h.db)).filter((type) => type === 'scai.auth.application.created')).toHaveLength(1);

    await h.db.application.update({ where: { id: rows[0].id }, data: { redirectUris: ['https://stale.example.com/cb'] } });
    const again = await ensureConsoleClient({ db: h.db, config: h.config, outbox: { add: async () => undefined }, eventsWritten: () => undefined } as unknown as Parameters<typeof ensureConsoleClient>[0]);
    expect(again.id).toBe(rows[0].id);
    expect(again.redirectUris).toEqual(['https://console.example.com/cb']);
    expect(await h.db.application.count({ where: { clientId: 'scai-admin-console' } })).toBe(1);
  });

  it('is a client of the platform issuer (the authorization endpoint knows it)', async () => {
    const url = new URL(`${h.httpUrl}/api/v1/platform/oauth/authorize`);
    for (const [name, value] of Object.entries({ client_id: 'scai-admin-console', redirect_uri: 'https://console.example.com/cb', response_type: 'code', scope: 'openid', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' })) {
      url.searchParams.set(name, value);
    }
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/\/interaction\//);
  });

  it('GetConsoleClient answers the console settings without a caller', async () => {
    const client = await authentication.getConsoleClient({});
    expect(client).toMatchObject({
      issuer: `${PUBLIC_URL}/api/v1/platform/oauth`,
      clientId: 'scai-admin-console',
      logoutUrl: `${PUBLIC_URL}/api/v1/platform/oauth/logout`,
      redirectUris: ['https://console.example.com/cb'],
    });
    expect(client.scopes).toEqual(expect.arrayContaining(['openid', 'admin:read', 'organization:read']));
  });
});

describe('GetCurrentUser', () => {
  it('answers the user behind any user caller, members included', async () => {
    const member = await createUser(h, { email: 'member@current.test', tenantId: 'tnt_1', roles: [{ role: 'tenant_member', tenantId: 'tnt_1' }] });
    const { user } = await authentication.getCurrentUser({}, { caller: userCaller(member.id, ['tenant_member']) });
    expect(user).toMatchObject({ id: member.id, email: 'member@current.test', tenantId: 'tnt_1', roles: ['tenant_member'] });
  });

  it('answers 404 for a service caller or an unknown user, 401 without a caller', async () => {
    const service: Caller = { subject: 'scai_svc', kind: 'service', tenantId: null, partnerId: null, roles: ['service'], permissions: [], clientId: 'scai_svc', appScope: 'GLOBAL' };
    expect((await failure(authentication.getCurrentUser({}, { caller: service })))?.code).toBe('not_found');
    expect((await failure(authentication.getCurrentUser({}, { caller: userCaller('usr_nobody', ['tenant_member']) })))?.code).toBe('not_found');
    expect((await failure(authentication.getCurrentUser({})))?.code).toBe('unauthorized');
  });
});
