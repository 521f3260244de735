import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { createLogger } from '@scai/telemetry';
import { buildGateway } from '../app.ts';
import type { ServiceClients } from '../clients.ts';
import { loadGatewayConfig } from '../config.ts';
import { createRevocationView, type RevocationView } from '../revocation/revocation-view.ts';
import { probeGroup } from '../routes/testing/probe-routes.ts';
import type { GatewayApp } from '../routes/types.ts';
import type { VerifiedCaller } from './token-verifier.ts';

const BLOCKED_AT = Date.parse('2030-01-01T00:00:00.000Z');
const BEFORE = Math.floor(BLOCKED_AT / 1000) - 60;
const AFTER = Math.floor(BLOCKED_AT / 1000) + 60;

const base: VerifiedCaller = {
  subject: 'usr_a',
  kind: 'user',
  tenantId: 'tnt_a',
  partnerId: 'prt_a',
  roles: ['tenant_admin'],
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
  issuedAt: BEFORE,
};

/** Tokens of this test: the token string names the caller. */
const callers: Record<string, VerifiedCaller> = {
  'tenant-a': base,
  'tenant-a-fresh': { ...base, issuedAt: AFTER },
  'tenant-b': { ...base, subject: 'usr_b', tenantId: 'tnt_b' },
  'service-a': { ...base, subject: 'cli_a', kind: 'service', roles: ['service'], appScope: 'TENANT', clientId: 'cli_a' },
  'user-blocked': { ...base, subject: 'usr_blocked', tenantId: 'tnt_c' },
  'user-blocked-fresh': { ...base, subject: 'usr_blocked', tenantId: 'tnt_c', issuedAt: AFTER },
};

let view: RevocationView;
let ready: boolean;
let app: GatewayApp;

beforeEach(async () => {
  view = createRevocationView();
  view.markSeeded();
  ready = true;
  app = await buildGateway({
    config: loadGatewayConfig({}),
    clients: { close: () => undefined } as ServiceClients,
    logger: createLogger({ name: 'test', level: 'silent' }),
    verifyToken: async (token) => {
      const caller = callers[token];
      if (!caller) throw new AppError('unauthorized', 'Invalid or expired token');
      return caller;
    },
    probeServices: async () => ({}),
    groups: [probeGroup],
    revocations: view,
    ready: () => ready,
  });
});

const whoami = (token: string) => app.inject({ method: 'GET', url: '/api/v1/probe/whoami', headers: { authorization: `Bearer ${token}` } });

describe('authenticate with the revocation view', () => {
  it("refuses a suspended tenant's tokens (users and service applications) with 401 and lets others pass", async () => {
    view.tenants.block('tnt_a', BLOCKED_AT);
    for (const token of ['tenant-a', 'tenant-a-fresh', 'service-a']) {
      const refused = await whoami(token);
      expect(refused.statusCode, token).toBe(401);
      expect(refused.json().error).toMatchObject({ code: 'unauthorized', message: 'Token has been revoked' });
    }
    const other = await whoami('tenant-b');
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual({ subject: 'usr_b' });
  });

  it('after reactivation, admits tokens issued since and keeps refusing the older ones', async () => {
    view.tenants.block('tnt_a', BLOCKED_AT);
    view.tenants.lift('tnt_a', BLOCKED_AT + 30_000);
    expect((await whoami('tenant-a')).statusCode).toBe(401);
    expect((await whoami('tenant-a-fresh')).statusCode).toBe(200);
  });

  it('refuses tokens a blocked user held before the block, not ones issued after', async () => {
    view.users.block('usr_blocked', BLOCKED_AT);
    expect((await whoami('user-blocked')).statusCode).toBe(401);
    expect((await whoami('user-blocked-fresh')).statusCode).toBe(200);
    expect((await whoami('tenant-a')).statusCode).toBe(200);
  });

  it('treats a revoked token on a public route as no caller', async () => {
    view.tenants.block('tnt_a', BLOCKED_AT);
    const response = await app.inject({ method: 'GET', url: '/api/v1/probe/public', headers: { authorization: 'Bearer tenant-a' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ caller: null });
  });

  it('does not pass `iat` on with the caller', async () => {
    let seen: unknown;
    app.addHook('onSend', async (request) => {
      seen = request.caller;
    });
    await whoami('tenant-b');
    expect(seen).toMatchObject({ subject: 'usr_b' });
    expect(seen).not.toHaveProperty('issuedAt');
  });
});

describe('before the view is loaded', () => {
  it('answers 503 to token-bearing requests and reports not ready; public health still answers', async () => {
    view = createRevocationView();
    ready = false;
    const gateway = await buildGateway({
      config: loadGatewayConfig({}),
      clients: { close: () => undefined } as ServiceClients,
      logger: createLogger({ name: 'test', level: 'silent' }),
      verifyToken: async () => base,
      probeServices: async () => ({}),
      groups: [probeGroup],
      revocations: view,
      ready: () => ready,
    });
    const refused = await gateway.inject({ method: 'GET', url: '/api/v1/probe/whoami', headers: { authorization: 'Bearer x' } });
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('unavailable');
    expect((await gateway.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    const notReady = await gateway.inject({ method: 'GET', url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'not_ready' });
    expect((await gateway.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    view.markSeeded();
    ready = true;
    expect((await gateway.inject({ method: 'GET', url: '/api/v1/probe/whoami', headers: { authorization: 'Bearer x' } })).statusCode).toBe(200);
    expect((await gateway.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
