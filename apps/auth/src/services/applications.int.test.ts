import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import type { Caller } from '@scai/permissions';
import { outboxTypes, startHarness, system, type Harness } from '../test-support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('apps');
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

const partnerAdmin: Caller = {
  subject: 'usr_partner',
  kind: 'user',
  tenantId: null,
  partnerId: 'prt_1',
  roles: ['partner_admin'],
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
};

const service = {
  name: 'Usage reporter',
  applicationType: 'SERVICE',
  scope: 'TENANT',
  tenantId: 'tnt_1',
  partnerId: 'prt_1',
  redirectUris: [],
  postLogoutRedirectUris: [],
  allowedOrigins: [],
  allowedScopes: ['usage:report', 'services:read'],
  grantTypes: [],
  tokenLifetime: 0,
};

describe('CreateApplication', () => {
  it('creates once per registration request and rotates the secret on a repeat', async () => {
    const first = await h.applications.createApplication({ ...service, registrationRequestId: 'rrq_1' }, system);
    expect(first.created).toBe(true);
    expect(first.clientSecret).toMatch(/^scai_cs_/);
    expect(first.application).toMatchObject({
      id: expect.stringMatching(/^app_/),
      clientId: expect.stringMatching(/^scai_[0-9a-f]{32}$/),
      applicationType: 'SERVICE',
      scope: 'TENANT',
      grantTypes: ['client_credentials'],
      tokenLifetime: 3600,
      confidential: true,
      status: 'ACTIVE',
      registrationRequestId: 'rrq_1',
    });

    const repeat = await h.applications.createApplication({ ...service, name: 'ignored', registrationRequestId: 'rrq_1' }, system);
    expect(repeat.created).toBe(false);
    expect(repeat.application?.id).toBe(first.application?.id);
    expect(repeat.application?.name).toBe('Usage reporter');
    expect(repeat.clientSecret).toMatch(/^scai_cs_/);
    expect(repeat.clientSecret).not.toBe(first.clientSecret);

    // Only a keyed hash is stored, never the secret.
    const row = await h.db.application.findUniqueOrThrow({ where: { id: first.application!.id } });
    expect(row.clientSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(repeat.clientSecret!.slice(8));
    expect(await outboxTypes(h.db)).toEqual(expect.arrayContaining(['scai.auth.application.created', 'scai.auth.application.secret_rotated']));
  });

  it('gives public clients no secret', async () => {
    const spa = await h.applications.createApplication(
      { ...service, applicationType: 'SPA', redirectUris: ['https://app.example.com/cb'], allowedScopes: ['openid'] },
      system,
    );
    expect(spa.clientSecret).toBeUndefined();
    expect(spa.application).toMatchObject({ confidential: false, grantTypes: ['authorization_code', 'refresh_token'] });
  });

  it('validates the rules of the type', async () => {
    const error = await errorOf(h.applications.createApplication({ ...service, applicationType: 'NATIVE', grantTypes: ['client_credentials'] }, system));
    expect(error.code).toBe('validation_error');
    expect(error.issues?.[0].loc).toEqual(['body', 'grant_types']);
  });

  it('lets a partner admin register for its own partner only, and never GLOBAL', async () => {
    const own = await h.applications.createApplication({ ...service, tenantId: 'tnt_9', partnerId: 'prt_1' }, { caller: partnerAdmin });
    expect(own.created).toBe(true);
    expect((await errorOf(h.applications.createApplication({ ...service, partnerId: 'prt_2' }, { caller: partnerAdmin }))).code).toBe('forbidden');
    expect(
      (await errorOf(h.applications.createApplication({ ...service, scope: 'GLOBAL', tenantId: undefined, partnerId: undefined }, { caller: partnerAdmin }))).code,
    ).toBe('forbidden');
    expect((await errorOf(h.applications.createApplication(service))).code).toBe('unauthorized');
  });
});

describe('GetApplication', () => {
  it('finds by id or client id within the caller reach, else 404', async () => {
    const created = await h.applications.createApplication({ ...service, partnerId: 'prt_3', tenantId: 'tnt_3' }, system);
    const byId = await h.applications.getApplication({ id: created.application!.id }, system);
    const byClient = await h.applications.getApplication({ id: created.application!.clientId }, system);
    expect(byId.application?.id).toBe(created.application?.id);
    expect(byClient.application?.id).toBe(created.application?.id);
    expect((await errorOf(h.applications.getApplication({ id: created.application!.id }, { caller: partnerAdmin }))).code).toBe('not_found');
    expect((await errorOf(h.applications.getApplication({ id: 'app_missing' }, system))).code).toBe('not_found');
  });
});

describe('Users', () => {
  it('CreateUser is for super admins only and refuses duplicate e-mails (any case)', async () => {
    const input = { email: 'dup@example.com', password: 'long-enough-1', displayName: 'Dup', roles: [{ role: 'tenant_admin', tenantId: 'tnt_1' }] };
    await h.users.createUser(input, system);
    expect((await errorOf(h.users.createUser({ ...input, email: 'DUP@example.com' }, system))).code).toBe('conflict');
    expect((await errorOf(h.users.createUser({ ...input, email: 'other@example.com' }, { caller: partnerAdmin }))).code).toBe('forbidden');
    const invalid = await errorOf(h.users.createUser({ ...input, email: 'x@example.com', password: 'short', roles: [{ role: 'partner_admin' }] }, system));
    expect(invalid.issues?.map((issue) => issue.loc)).toEqual([['body', 'password'], ['body', 'roles', 0]]);
  });

  it('EnsureSuperAdmin creates once and keeps the password afterwards', async () => {
    const first = await h.users.ensureSuperAdmin({ email: 'admin@example.com', password: 'first-password' }, system);
    expect(first.created).toBe(true);
    expect(first.user?.roles).toEqual(['super_admin']);
    const again = await h.users.ensureSuperAdmin({ email: 'admin@example.com', password: 'other-password' }, system);
    expect(again.created).toBe(false);
    await h.adminAuth.login({ email: 'admin@example.com', password: 'first-password', clientIp: '', userAgent: '' });
  });
});
