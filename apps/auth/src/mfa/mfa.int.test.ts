import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import { auth } from '@scai/proto';
import { createUser, outboxTypes, startHarness, type Harness } from '../test-support/harness.ts';
import { verifierFor } from '../test-support/verify.ts';
import { TOTP_PERIOD_SECONDS, totpCodeAt } from './totp.ts';

let h: Harness;
let mfa: BoundClient<auth.v1.MfaServiceClient>;
let channel: auth.v1.MfaServiceClient;
const PASSWORD = 'correct-horse-battery';
const client = { clientIp: '10.0.0.9', userAgent: 'vitest' };

beforeAll(async () => {
  h = await startHarness('mfa', { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' }, [], ['tnt_strict']);
  channel = createChannelClient(auth.v1.MfaServiceClient, `127.0.0.1:${h.app.ports.grpc}`);
  mfa = bindClient(channel);
});

afterAll(async () => {
  channel?.close();
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

const callerOf = (user: auth.v1.User): Caller => ({
  subject: user.id,
  kind: 'user',
  email: user.email,
  tenantId: user.tenantId ?? null,
  partnerId: user.partnerId ?? null,
  roles: user.roles as Caller['roles'],
  permissions: user.permissions,
  clientId: 'scai-admin-console',
  appScope: null,
});

/**
 * Codes are accepted once per 30-s step and never older than the last one, so a test spends
 * the steps before, at and after "now" in that order; it starts early enough in a step that
 * all three stay valid while it runs.
 */
async function freshStep(): Promise<(offset: -1 | 0 | 1) => (secret: string) => string> {
  const periodMs = TOTP_PERIOD_SECONDS * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  const base = Date.now();
  return (offset) => (secret) => totpCodeAt(secret, new Date(base + offset * periodMs));
}

const login = async (email: string) => {
  const answer = await h.adminAuth.login({ email, password: PASSWORD, ...client });
  return { ...answer, mfaToken: answer.mfaToken ?? '' };
};

/** A super admin with a confirmed TOTP: its secret and recovery codes. */
async function enrolled(email: string, code: (secret: string) => string) {
  const user = await createUser(h, { email, roles: [{ role: 'super_admin' }] });
  const caller = { caller: callerOf(user) };
  const begun = await mfa.beginTotpEnrollment({}, caller);
  const confirmed = await mfa.confirmTotpEnrollment({ code: code(begun.secret), ...client }, caller);
  return { user, caller, secret: begun.secret, uri: begun.otpauthUri, recoveryCodes: confirmed.recoveryCodes };
}

describe('TOTP enrollment', () => {
  it('gives the secret once, keeps it encrypted, and turns on with a first code and 10 recovery codes', async () => {
    const code = await freshStep();
    const user = await createUser(h, { email: 'enroll@example.com', roles: [{ role: 'super_admin' }] });
    const caller = { caller: callerOf(user) };
    const begun = await mfa.beginTotpEnrollment({}, caller);
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.otpauthUri).toContain(`secret=${begun.secret}`);
    expect(begun.otpauthUri).toContain('enroll%40example.com');
    const row = await h.db.userMfa.findUnique({ where: { userId: user.id } });
    expect(row?.totpSecretEncrypted).not.toContain(begun.secret);
    expect(row?.confirmedAt).toBeNull();

    // Not yet on: login still answers tokens.
    expect((await login('enroll@example.com')).accessToken).toBeTruthy();

    expect((await errorOf(mfa.confirmTotpEnrollment({ code: '000000', ...client }, caller))).code).toBe('unauthorized');
    const confirmed = await mfa.confirmTotpEnrollment({ code: code(-1)(begun.secret), ...client }, caller);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect(confirmed.login).toBeUndefined();
    const stored = await h.db.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((r) => r.codeHash)).not.toContain(confirmed.recoveryCodes[0]);

    expect((await errorOf(mfa.beginTotpEnrollment({}, caller))).code).toBe('conflict');
    expect(await outboxTypes(h.db)).toContain('scai.auth.mfa.enabled');
  });

  it('needs a caller or an enrollment token', async () => {
    expect((await errorOf(mfa.beginTotpEnrollment({}))).code).toBe('unauthorized');
    expect((await errorOf(mfa.beginTotpEnrollment({ enrollmentToken: 'scai_mfa_nope' }))).code).toBe('unauthorized');
  });
});

describe('Login with a second factor', () => {
  it('answers a challenge instead of tokens; VerifyMfa with a code issues them; the code and the token work once', async () => {
    const code = await freshStep();
    const { user, secret } = await enrolled('second@example.com', code(-1));

    const challenge = await login('second@example.com');
    expect(challenge).toMatchObject({ mfaRequired: true, mfaEnrollmentRequired: false, accessToken: '', refreshToken: '' });
    expect(challenge.mfaToken).toMatch(/^scai_mfa_/);
    expect(challenge.user).toBeUndefined();

    const verified = await mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: code(0)(secret), ...client });
    expect(verified.login?.user?.id).toBe(user.id);
    const claims = await verifierFor(h.httpUrl)(verified.login!.accessToken);
    expect(claims).toMatchObject({ sub: user.id, sid: verified.login?.sessionId });
    expect(verified.login?.refreshToken).toMatch(/^scai_rt_/);

    // The token is spent.
    expect((await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: code(1)(secret), ...client }))).code).toBe('unauthorized');
    // The same code on a new challenge is a replay.
    const again = await login('second@example.com');
    expect((await errorOf(mfa.verifyMfa({ mfaToken: again.mfaToken, code: code(0)(secret), ...client }))).code).toBe('unauthorized');
    // A code of the next step is still good (and the challenge survived the wrong code).
    expect((await mfa.verifyMfa({ mfaToken: again.mfaToken, code: code(1)(secret), ...client })).login?.accessToken).toBeTruthy();
  });

  it('takes a recovery code once', async () => {
    const code = await freshStep();
    const { recoveryCodes } = await enrolled('recovery@example.com', code(-1));
    const first = await login('recovery@example.com');
    const typed = recoveryCodes[3].toUpperCase();
    expect((await mfa.verifyMfa({ mfaToken: first.mfaToken, recoveryCode: typed, ...client })).login?.accessToken).toBeTruthy();
    const second = await login('recovery@example.com');
    expect((await errorOf(mfa.verifyMfa({ mfaToken: second.mfaToken, recoveryCode: recoveryCodes[3], ...client }))).code).toBe('unauthorized');
    expect((await mfa.verifyMfa({ mfaToken: second.mfaToken, recoveryCode: recoveryCodes[4], ...client })).login?.accessToken).toBeTruthy();
    expect(await outboxTypes(h.db)).toContain('scai.auth.mfa.recovery_code_used');
  });

  it('throttles wrong codes per account (429 with the password throttle)', async () => {
    const code = await freshStep();
    const { secret } = await enrolled('wrong@example.com', code(-1));
    const challenge = await login('wrong@example.com');
    for (let i = 0; i < 3; i += 1) {
      expect((await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: '000000', ...client }))).code).toBe('unauthorized');
    }
    const limited = await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: code(0)(secret), ...client }));
    expect(limited.code).toBe('rate_limited');
    expect(limited.headers?.['retry-after']).toBeTruthy();
    // The password step is throttled too: it is the same account.
    expect((await errorOf(login('wrong@example.com'))).code).toBe('rate_limited');
  });

  it('refuses a bad token and a request with both or neither factor', async () => {
    expect((await errorOf(mfa.verifyMfa({ mfaToken: 'scai_mfa_unknown', code: '123456', ...client }))).code).toBe('unauthorized');
    const code = await freshStep();
    await enrolled('both@example.com', code(-1));
    const challenge = await login('both@example.com');
    expect((await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, ...client }))).code).toBe('validation_error');
    expect((await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: '1', recoveryCode: 'x', ...client }))).code).toBe('validation_error');
  });

  it('DisableTotp needs a current code; afterwards login issues tokens again', async () => {
    const code = await freshStep();
    const { caller, secret } = await enrolled('disable@example.com', code(-1));
    expect((await errorOf(mfa.disableTotp({ code: '000000' }, caller))).code).toBe('unauthorized');
    expect(await mfa.disableTotp({ code: code(0)(secret) }, caller)).toEqual({ disabled: true });
    expect(await h.db.mfaRecoveryCode.count({ where: { userId: caller.caller.subject } })).toBe(0);
    expect((await login('disable@example.com')).accessToken).toBeTruthy();
    expect((await errorOf(mfa.disableTotp({ code: code(1)(secret) }, caller))).code).toBe('not_found');
  });
});

describe('Required MFA', () => {
  it('a tenant requiring MFA makes its admin enroll first; confirming completes the sign-in', async () => {
    const code = await freshStep();
    const user = await createUser(h, { email: 'strict@example.com', tenantId: 'tnt_strict', partnerId: 'prt_1', roles: [{ role: 'tenant_admin', tenantId: 'tnt_strict' }] });
    const challenge = await login('strict@example.com');
    expect(challenge).toMatchObject({ mfaRequired: true, mfaEnrollmentRequired: true, accessToken: '' });

    // An enrollment token is not a login challenge.
    expect((await errorOf(mfa.verifyMfa({ mfaToken: challenge.mfaToken, code: '123456', ...client }))).code).toBe('unauthorized');

    const begun = await mfa.beginTotpEnrollment({ enrollmentToken: challenge.mfaToken });
    const confirmed = await mfa.confirmTotpEnrollment({ enrollmentToken: challenge.mfaToken, code: code(-1)(begun.secret), ...client });
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(confirmed.login?.user?.id).toBe(user.id);
    expect(confirmed.login?.accessToken).toBeTruthy();
    // The enrollment token is spent.
    expect((await errorOf(mfa.beginTotpEnrollment({ enrollmentToken: challenge.mfaToken }))).code).toBe('unauthorized');

    const next = await login('strict@example.com');
    expect(next).toMatchObject({ mfaRequired: true, mfaEnrollmentRequired: false });
    expect((await mfa.verifyMfa({ mfaToken: next.mfaToken, code: code(0)(begun.secret), ...client })).login?.accessToken).toBeTruthy();
  });

  it('a tenant without the setting asks nothing', async () => {
    await createUser(h, { email: 'relaxed@example.com', tenantId: 'tnt_relaxed', partnerId: 'prt_1', roles: [{ role: 'tenant_admin', tenantId: 'tnt_relaxed' }] });
    expect((await login('relaxed@example.com')).accessToken).toBeTruthy();
  });
});
