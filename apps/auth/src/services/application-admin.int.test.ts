import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import type { Caller, Role } from '@scai/permissions';
import { auth } from '@scai/proto';
import { outboxTypes, startHarness, system, type Harness } from '../test-support/harness.ts';

let h: Harness;

// A one-second grace keeps the test short; production defaults to 24 h.
beforeAll(async () => {
  h = await startHarness('appadmin', { APPLICATION_SECRET_GRACE_SECONDS: '1' });
});

afterAll(async () => {
  await h?.close();
});

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const admin = (roles: Role[], owner: { tenantId?: string; partnerId?: string }): { caller: Caller } => ({
  caller: {
    subject: `usr_${roles[0]}`,
    kind: 'user',
    tenantId: owner.tenantId ?? null,
    partnerId: owner.partnerId ?? null,
    roles,
    permissions: [],
    clientId: 'scai-admin-console',
    appScope: null,
  },
});
const partnerAdmin = admin(['partner_admin'], { partnerId: 'prt_1' });
const tenantAdmin = admin(['tenant_admin'], { tenantId: 'tnt_1', partnerId: 'prt_1' });
const otherTenantAdmin = admin(['tenant_admin'], { tenantId: 'tnt_2', partnerId: 'prt_1' });
const member = admin(['tenant_member'], { tenantId: 'tnt_1', partnerId: 'prt_1' });
const audit = { clientIp: '203.0.113.7', userAgent: 'vitest', status: auth.v1.ApplicationStatus.UNSPECIFIED };

const base = { description: 'test', redirectUris: [], postLogoutRedirectUris: [], allowedOrigins: [], grantTypes: [], tokenLifetime: 0 };

async function createService(scope: 'GLOBAL' | 'TENANT', allowedScopes: string[]) {
  const owner = scope === 'TENANT' ? { tenantId: 'tnt_1', partnerId: 'prt_1' } : {};
  const created = await h.applications.createApplication({ ...base, ...owner, name: `svc ${scope}`, scope, applicationType: 'SERVICE', allowedScopes }, system);
  return { id: created.application!.id, clientId: created.application!.clientId, secret: created.clientSecret! };
}

async function token(clientId: string, secret: string, scope?: string) {
  const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, ...(scope ? { scope } : {}) });
  const response = await fetch(`${h.httpUrl}/api/v1/platform/oauth/token`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return { status: response.status, body: (await response.json()) as { error?: string; scope?: string; access_token?: string } };
}

describe('UpdateApplication', () => {
  it('replaces allowed_scopes, and the token endpoint sees the change at once', async () => {
    const app = await createService('GLOBAL', ['admin:read', 'services:read']);
    expect((await token(app.clientId, app.secret, 'admin:read')).status).toBe(200);

    const updated = await h.applications.updateApplication({ id: app.id, allowedScopes: { values: ['usage:report'] }, tokenLifetime: 120, ...audit }, system);
    expect(updated.application).toMatchObject({ allowedScopes: ['usage:report'], tokenLifetime: 120, scope: 'GLOBAL', applicationType: 'SERVICE' });
    expect(await token(app.clientId, app.secret, 'admin:read')).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(await token(app.clientId, app.secret)).toMatchObject({ status: 200, body: { scope: 'usage:report' } });

    // Nothing else changed; the event carries before/after and the audit context.
    const row = await h.db.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ name: 'svc GLOBAL', description: 'test', status: 'ACTIVE' });
    const events = await h.db.outboxEvent.findMany();
    const event = events.map((e) => e.payload as { type: string; subject?: string; data: Record<string, unknown> }).find((e) => e.type === 'scai.auth.application.updated' && e.subject === app.id);
    expect(event?.data).toMatchObject({
      before: { allowed_scopes: ['admin:read', 'services:read'], token_lifetime: 3600 },
      after: { allowed_scopes: ['usage:report'], token_lifetime: 120 },
      client_ip: '203.0.113.7',
      actor: { kind: 'service' },
    });
    expect(JSON.stringify(event)).not.toContain(row.clientSecretHash!);
  });

  it('refuses fixed fields and out-of-range lifetimes with 422, public-client rotation with 409', async () => {
    const app = await createService('TENANT', ['services:read']);
    const fixed = await errorOf(h.applications.updateApplication({ id: app.id, scope: 'GLOBAL', tenantId: 'tnt_2', ...audit }, system));
    expect(fixed.code).toBe('validation_error');
    expect(fixed.issues?.map((issue) => issue.loc)).toEqual([['body', 'scope'], ['body', 'tenant_id']]);
    expect((await errorOf(h.applications.updateApplication({ id: app.id, tokenLifetime: 59, ...audit }, system))).code).toBe('validation_error');
    expect((await errorOf(h.applications.updateApplication({ id: app.id, allowedScopes: { values: ['admin:read'] }, ...audit }, system))).code).toBe('validation_error');

    const spa = await h.applications.createApplication(
      { ...base, name: 'spa', scope: 'GLOBAL', applicationType: 'SPA', redirectUris: ['https://spa.example.com/cb'], allowedScopes: ['openid'] },
      system,
    );
    expect((await errorOf(h.applications.rotateApplicationSecret({ id: spa.application!.id, clientIp: '', userAgent: '' }, system))).code).toBe('conflict');
  });

  it('DISABLED: invalid_client at once and every artefact issued to the client is revoked', async () => {
    const app = await createService('GLOBAL', ['services:read']);
    expect((await token(app.clientId, app.secret)).status).toBe(200);
    await h.db.oidcPayload.create({
      data: { issuer: 'http://gateway.test/api/v1/platform/oauth', kind: 'RefreshToken', id: `rt_${app.id}`, grantId: 'grant_1', payload: { clientId: app.clientId, grantId: 'grant_1' } },
    });

    const disabled = await h.applications.updateApplication({ id: app.id, ...audit, status: auth.v1.ApplicationStatus.DISABLED }, system);
    expect(disabled.application?.status).toBe('DISABLED');
    expect(await token(app.clientId, app.secret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect(await h.db.oidcPayload.count({ where: { payload: { path: ['clientId'], equals: app.clientId } } })).toBe(0);
    expect(await outboxTypes(h.db)).toContain('scai.auth.application.disabled');

    await h.applications.updateApplication({ id: app.id, ...audit, status: auth.v1.ApplicationStatus.ACTIVE }, system);
    expect((await token(app.clientId, app.secret)).status).toBe(200);
  });
});

describe('RotateApplicationSecret', () => {
  it('returns a new secret once; the old one works during the grace, then not', async () => {
    const app = await createService('GLOBAL', ['services:read']);
    const before = Date.now();
    const rotated = await h.applications.rotateApplicationSecret({ id: app.id, clientIp: '', userAgent: '' }, system);
    expect(rotated.clientSecret).toMatch(/^scai_cs_/);
    expect(rotated.clientSecret).not.toBe(app.secret);
    const expiresAt = new Date(rotated.previousSecretExpiresAt!).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 1000);
    expect(expiresAt).toBeLessThan(Date.now() + 1000 + 50);
    expect(JSON.stringify(rotated.application)).not.toMatch(/hash/i);

    expect((await token(app.clientId, rotated.clientSecret)).status).toBe(200);
    expect((await token(app.clientId, app.secret)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 100));
    expect(await token(app.clientId, app.secret)).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    expect((await token(app.clientId, rotated.clientSecret)).status).toBe(200);
    expect(await outboxTypes(h.db)).toContain('scai.auth.application.secret_rotated');
  });
});

describe('reach', () => {
  it('lists and finds only within reach; GLOBAL is for the super admin; others 404', async () => {
    const global = await createService('GLOBAL', ['services:read']);
    const tenant = await createService('TENANT', ['services:read']);

    const all = await h.applications.listApplications({ page: { page: 1, pageSize: 100 }, q: '' }, system);
    expect(all.applications.map((a) => a.id)).toEqual(expect.arrayContaining([global.id, tenant.id]));
    expect(all.pageInfo?.total).toBe(all.applications.length);

    for (const caller of [partnerAdmin, tenantAdmin]) {
      const listed = await h.applications.listApplications({ page: { page: 1, pageSize: 100 }, q: '' }, caller);
      expect(listed.applications.map((a) => a.id)).toContain(tenant.id);
      expect(listed.applications.every((a) => a.scope !== 'GLOBAL')).toBe(true);
      expect((await errorOf(h.applications.getApplication({ id: global.id }, caller))).code).toBe('not_found');
      expect((await errorOf(h.applications.updateApplication({ id: global.id, name: 'x', ...audit }, caller))).code).toBe('not_found');
      expect((await errorOf(h.applications.rotateApplicationSecret({ id: global.id, clientIp: '', userAgent: '' }, caller))).code).toBe('not_found');
    }
    const renamed = await h.applications.updateApplication({ id: tenant.id, name: 'Renamed by tenant admin', ...audit }, tenantAdmin);
    expect(renamed.application?.name).toBe('Renamed by tenant admin');

    expect((await h.applications.listApplications({ q: '' }, otherTenantAdmin)).applications.map((a) => a.id)).not.toContain(tenant.id);
    expect((await errorOf(h.applications.getApplication({ id: tenant.id }, otherTenantAdmin))).code).toBe('not_found');
    expect((await errorOf(h.applications.listApplications({ q: '' }, member))).code).toBe('forbidden');
  });
});
