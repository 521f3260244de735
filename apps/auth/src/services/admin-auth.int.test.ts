import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { createUser, outboxTypes, startHarness, type Harness } from '../test-support/harness.ts';
import { verifierFor } from '../test-support/verify.ts';

let h: Harness;
let verify: ReturnType<typeof verifierFor>;
const PASSWORD = 'correct-horse-battery';

beforeAll(async () => {
  h = await startHarness('admin', { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '6', ADMIN_ACCESS_TOKEN_TTL_SECONDS: '900' });
  verify = verifierFor(h.httpUrl);
  await createUser(h, { email: 'Root@Example.com', roles: [{ role: 'super_admin' }] });
  await createUser(h, { email: 'partner@example.com', partnerId: 'prt_1', roles: [{ role: 'partner_admin', partnerId: 'prt_1' }] });
  await createUser(h, { email: 'member@example.com', tenantId: 'tnt_1', roles: [{ role: 'tenant_member', tenantId: 'tnt_1' }] });
  await createUser(h, { email: 'throttled@example.com', roles: [{ role: 'super_admin' }] });
  await createUser(h, {
    email: 'expired@example.com',
    tenantId: 'tnt_2',
    roles: [{ role: 'tenant_admin', tenantId: 'tnt_2', expiresAt: '2020-01-01T00:00:00.000Z' }],
  });
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

const login = (email: string, password = PASSWORD, clientIp = '10.0.0.1') => h.adminAuth.login({ email, password, clientIp, userAgent: 'vitest' });

describe('Login', () => {
  it('issues a verifiable access token with the contract claims and an opaque refresh token', async () => {
    const result = await login('root@EXAMPLE.com');
    expect(result.tokenType).toBe('Bearer');
    expect(result.expiresIn).toBe(900);
    expect(result.refreshToken).toMatch(/^scai_rt_[A-Za-z0-9_-]{43}$/);
    expect(result.user).toMatchObject({ email: 'root@example.com', status: 'ACTIVE', roles: ['super_admin'] });
    expect(result.user?.lastLoginAt).toBeTruthy();

    const claims = await verify(result.accessToken);
    expect(claims).toMatchObject({
      iss: 'http://gateway.test/api/v1/platform/oauth',
      aud: 'http://gateway.test/api/v1',
      sub: result.user?.id,
      client_id: 'scai-admin-console',
      token_type: 'access',
      roles: ['super_admin'],
      email: 'root@example.com',
      sid: result.sessionId,
      tenant_id: null,
      partner_id: null,
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.nbf).toBe(claims.iat);
    expect(typeof claims.jti).toBe('string');
    expect(claims.permissions).toContain('admin:partners');
    expect(claims.scope).toBe((claims.permissions as string[]).join(' '));
    // The refresh token itself is never stored.
    const stored = await h.db.session.findMany({ where: { familyId: result.sessionId } });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(result.refreshToken.slice(8));
    expect(stored[0]).toMatchObject({ clientIp: '10.0.0.1', userAgent: 'vitest', status: 'active' });
  });

  it('gives partner admins their partner and scopes', async () => {
    const claims = await verify((await login('partner@example.com')).accessToken);
    expect(claims).toMatchObject({ partner_id: 'prt_1', roles: ['partner_admin'] });
    expect(claims.permissions).toContain('admin:tenants');
    expect(claims.permissions).not.toContain('admin:platform');
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await errorOf(login('root@example.com', 'nope-nope-nope', '10.0.0.2'));
    const unknown = await errorOf(login('ghost@example.com', PASSWORD, '10.0.0.2'));
    for (const error of [wrong, unknown]) {
      expect(error.code).toBe('unauthorized');
      expect(error.message).toBe('Invalid email or password');
    }
    // The root account's failure is cleared by its next successful sign-in.
    await login('root@example.com');
  });

  it('refuses accounts without an admin role (403), only after a correct password', async () => {
    expect((await errorOf(login('member@example.com'))).code).toBe('forbidden');
    expect((await errorOf(login('expired@example.com'))).code).toBe('forbidden');
    expect((await errorOf(login('member@example.com', 'wrong-password', '10.0.0.3'))).code).toBe('unauthorized');
  });

  it('refuses a suspended admin', async () => {
    await createUser(h, { email: 'suspended@example.com', roles: [{ role: 'super_admin' }] });
    await h.db.user.update({ where: { email: 'suspended@example.com' }, data: { status: 'SUSPENDED' } });
    expect((await errorOf(login('suspended@example.com'))).code).toBe('forbidden');
  });

  it('throttles an account after repeated failures (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await errorOf(login('throttled@example.com', 'bad-password', `10.1.0.${i}`))).code).toBe('unauthorized');
    const limited = await errorOf(login('throttled@example.com', PASSWORD, '10.1.0.9'));
    expect(limited.code).toBe('rate_limited');
    expect(Number(limited.headers?.['retry-after'])).toBeGreaterThan(800);
    expect(limited.details).toMatchObject({ retry_after_seconds: expect.any(Number) });
  });

  it('throttles a client address across accounts', async () => {
    for (let i = 0; i < 6; i++) await errorOf(login(`nobody${i}@example.com`, 'bad-password', '10.9.9.9'));
    expect((await errorOf(login('partner@example.com', PASSWORD, '10.9.9.9'))).code).toBe('rate_limited');
    // Other addresses are not affected.
    await login('partner@example.com', PASSWORD, '10.9.9.8');
  });

  it('validates its input', async () => {
    const error = await errorOf(h.adminAuth.login({ email: '', password: '', clientIp: '', userAgent: '' }));
    expect(error.code).toBe('validation_error');
    expect(error.issues?.map((issue) => issue.loc)).toEqual([['body', 'email'], ['body', 'password']]);
  });
});

describe('Refresh', () => {
  it('rotates: the new pair works, the spent token is marked rotated', async () => {
    const first = await login('root@example.com');
    const second = await h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '10.0.0.1', userAgent: 'vitest' });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const claims = await verify(second.accessToken);
    expect(claims.sid).toBe(first.sessionId);
    const third = await h.adminAuth.refresh({ refreshToken: second.refreshToken, clientIp: '', userAgent: '' });
    expect(third.accessToken).toBeTruthy();
    const rows = await h.db.session.findMany({ where: { familyId: first.sessionId }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['rotated', 'rotated', 'active']);
  });

  it('revokes the whole family when a rotated token is reused', async () => {
    const first = await login('root@example.com');
    const second = await h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '', userAgent: '' });
    const reuse = await errorOf(h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '', userAgent: '' }));
    expect(reuse.code).toBe('unauthorized');
    // The legitimate newest token is dead too.
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: second.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    const rows = await h.db.session.findMany({ where: { familyId: first.sessionId } });
    expect(rows.every((row) => row.status === 'revoked')).toBe(true);
    expect(await outboxTypes(h.db)).toContain('scai.auth.session.revoked');
  });

  it('rejects expired and unknown tokens', async () => {
    const first = await login('root@example.com');
    await h.db.session.updateMany({ where: { familyId: first.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: 'scai_rt_unknown', clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
  });

  it('re-reads roles: a user who lost the admin role cannot refresh', async () => {
    await createUser(h, { email: 'demoted@example.com', roles: [{ role: 'super_admin' }] });
    const first = await login('demoted@example.com');
    await h.db.userRole.deleteMany({ where: { user: { email: 'demoted@example.com' } } });
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: first.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
  });
});

describe('Logout', () => {
  it('revokes the session of a refresh token', async () => {
    const session = await login('root@example.com');
    expect(await h.adminAuth.logout({ refreshToken: session.refreshToken, clientIp: '' })).toEqual({ revoked: true });
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: session.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
    expect(await h.adminAuth.logout({ refreshToken: session.refreshToken, clientIp: '' })).toEqual({ revoked: false });
  });

  it('revokes the session of an access token', async () => {
    const session = await login('root@example.com');
    expect(await h.adminAuth.logout({ accessToken: session.accessToken, clientIp: '' })).toEqual({ revoked: true });
    expect((await errorOf(h.adminAuth.refresh({ refreshToken: session.refreshToken, clientIp: '', userAgent: '' }))).code).toBe('unauthorized');
  });

  it('needs a token, and refuses one that is not ours', async () => {
    expect((await errorOf(h.adminAuth.logout({ clientIp: '' }))).code).toBe('unauthorized');
    expect((await errorOf(h.adminAuth.logout({ accessToken: 'a.b.c', clientIp: '' }))).code).toBe('unauthorized');
  });
});

describe('Me', () => {
  it('answers the caller from the store', async () => {
    const session = await login('partner@example.com', PASSWORD, '10.0.0.50');
    const claims = await verify(session.accessToken);
    const caller = {
      subject: claims.sub!,
      kind: 'user' as const,
      tenantId: null,
      partnerId: 'prt_1',
      roles: ['partner_admin' as const],
      permissions: claims.permissions as string[],
      clientId: 'scai-admin-console',
      appScope: null,
    };
    const { user } = await h.adminAuth.me({}, { caller });
    expect(user).toMatchObject({ id: claims.sub, email: 'partner@example.com', partnerId: 'prt_1', roles: ['partner_admin'] });
    expect((await errorOf(h.adminAuth.me({}))).code).toBe('unauthorized');
    expect((await errorOf(h.adminAuth.me({}, { caller: { ...caller, roles: ['tenant_member'] } }))).code).toBe('forbidden');
  });
});

describe('events', () => {
  it('are written for users, sessions and failed logins, with audit data', async () => {
    const types = await outboxTypes(h.db);
    expect(types).toEqual(expect.arrayContaining(['scai.auth.user.created', 'scai.auth.session.created', 'scai.auth.session.revoked', 'scai.auth.login.failed']));
    const failed = await h.db.outboxEvent.findFirst({ where: { subject: { endsWith: 'auth.login.failed' } } });
    expect((failed?.payload as { data: Record<string, unknown> }).data).toMatchObject({
      reason: expect.any(String),
      client_ip: expect.any(String),
      request_id: expect.any(String),
      actor: { kind: 'anonymous' },
    });
  });
});
