import { afterEach, describe, expect, it } from 'vitest';
import { conflict, rateLimited, unauthorized } from '@scai/api';
import type { OutgoingCall } from '@scai/grpc';
import type { Caller } from '@scai/permissions';
import type { auth } from '@scai/proto';
import type { ServiceClients } from '../../clients.ts';
import { adminAuthGroup } from './index.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';

const admin: Caller = {
  subject: 'usr_root',
  kind: 'user',
  tenantId: null,
  partnerId: null,
  roles: ['super_admin'],
  permissions: [],
  clientId: 'scai-admin-console',
  appScope: null,
};

const user = {
  id: 'usr_root',
  email: 'root@example.com',
  displayName: 'Root',
  status: 'ACTIVE',
  roles: ['super_admin'],
  permissions: ['admin:partners'],
  createdAt: '2026-11-01T00:00:00.000Z',
} as auth.v1.User;
const tokens: auth.v1.LoginResponse = { accessToken: 'at', refreshToken: 'rt', tokenType: 'Bearer', expiresIn: 900, sessionId: 'ses_1', user };

type Calls = Array<{ method: string; request: unknown; outgoing?: OutgoingCall }>;

function fakes(calls: Calls): Pick<ServiceClients, 'adminAuth' | 'mfa'> {
  const record = (method: string, request: unknown, outgoing?: OutgoingCall) => calls.push({ method, request, outgoing });
  return {
    adminAuth: {
      login: async (request, outgoing) => {
        record('login', request, outgoing);
        if (request.email === 'plain@example.com') return tokens;
        const enroll = request.email === 'new@example.com';
        return { accessToken: '', refreshToken: '', tokenType: '', expiresIn: 0, sessionId: '', mfaRequired: true, mfaToken: 'scai_mfa_t', mfaEnrollmentRequired: enroll };
      },
    } as ServiceClients['adminAuth'],
    mfa: {
      verifyMfa: async (request, outgoing) => {
        record('verifyMfa', request, outgoing);
        if (request.code === '999999') throw rateLimited(60);
        if (request.mfaToken !== 'scai_mfa_t' || (request.code !== '123456' && request.recoveryCode !== 'abcde-fghij')) throw unauthorized('Invalid verification code');
        return { login: tokens };
      },
      beginTotpEnrollment: async (request, outgoing) => {
        record('beginTotpEnrollment', request, outgoing);
        if (request.enrollmentToken === 'used') throw unauthorized('Invalid or expired MFA token');
        if (outgoing?.caller?.subject === 'usr_on') throw conflict('TOTP is already enabled; disable it first');
        return { otpauthUri: 'otpauth://totp/ScaiKey:root%40example.com?secret=ABC', secret: 'ABC' };
      },
      confirmTotpEnrollment: async (request, outgoing) => {
        record('confirmTotpEnrollment', request, outgoing);
        if (request.code !== '123456') throw unauthorized('Invalid verification code');
        return { recoveryCodes: ['aaaaa-bbbbb'], login: request.enrollmentToken ? tokens : undefined };
      },
      disableTotp: async (request, outgoing) => {
        record('disableTotp', request, outgoing);
        return { disabled: true };
      },
    } as ServiceClients['mfa'],
  };
}

const gateway = (calls: Calls) =>
  testGateway({
    groups: [adminAuthGroup],
    clients: fakes(calls),
    callers: { admin, enabled: { ...admin, subject: 'usr_on' } },
    env: { TRUST_PROXY: '127.0.0.1' },
  });

afterEach(closeTestGateways);

const post = (url: string, payload?: object, token?: string) => ({
  method: 'POST' as const,
  url,
  payload,
  headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'user-agent': 'console/1.0', 'x-forwarded-for': '203.0.113.7' },
});

describe('POST /api/v1/admin/auth/login with a second factor', () => {
  it('answers 200 with only the challenge, no tokens', async () => {
    const app = await gateway([]);
    const response = await app.inject(post('/api/v1/admin/auth/login', { email: 'root@example.com', password: 'pw' }));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ mfa_required: true, mfa_token: 'scai_mfa_t', mfa_enrollment_required: false });
    const enroll = await app.inject(post('/api/v1/admin/auth/login', { email: 'new@example.com', password: 'pw' }));
    expect(enroll.json()).toEqual({ mfa_required: true, mfa_token: 'scai_mfa_t', mfa_enrollment_required: true });
  });

  it('answers the seed LoginResponse when no factor is due', async () => {
    const app = await gateway([]);
    const response = await app.inject(post('/api/v1/admin/auth/login', { email: 'plain@example.com', password: 'pw' }));
    expect(Object.keys(response.json()).sort()).toEqual(['access_token', 'refresh_token', 'user']);
  });
});

describe('POST /api/v1/admin/auth/mfa/verify', () => {
  it('issues the LoginResponse for a code or a recovery code, passing the client', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const response = await app.inject(post('/api/v1/admin/auth/mfa/verify', { mfa_token: 'scai_mfa_t', code: '123456' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ access_token: 'at', refresh_token: 'rt', user: { id: 'usr_root', email: 'root@example.com' } });
    expect(calls[0].request).toEqual({ mfaToken: 'scai_mfa_t', code: '123456', recoveryCode: undefined, clientIp: '203.0.113.7', userAgent: 'console/1.0' });
    expect(calls[0].outgoing?.caller).toBeUndefined();
    const recovery = await app.inject(post('/api/v1/admin/auth/mfa/verify', { mfa_token: 'scai_mfa_t', recovery_code: 'abcde-fghij' }));
    expect(recovery.statusCode).toBe(200);
  });

  it('answers 401 for a wrong code, 429 with Retry-After when throttled, 422 without a token', async () => {
    const app = await gateway([]);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/verify', { mfa_token: 'scai_mfa_t', code: '000000' }))).statusCode).toBe(401);
    const limited = await app.inject(post('/api/v1/admin/auth/mfa/verify', { mfa_token: 'scai_mfa_t', code: '999999' }));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    const invalid = await app.inject(post('/api/v1/admin/auth/mfa/verify', { code: '123456' }));
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().detail[0].loc).toEqual(['body', 'mfa_token']);
  });
});

describe('TOTP of the signed-in user', () => {
  it('begins, confirms and disables as the caller', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const begun = await app.inject(post('/api/v1/admin/auth/mfa/totp', undefined, 'admin'));
    expect(begun.statusCode).toBe(200);
    expect(begun.json()).toEqual({ otpauth_uri: 'otpauth://totp/ScaiKey:root%40example.com?secret=ABC', secret: 'ABC' });
    expect(calls[0].outgoing?.caller).toEqual(admin);

    const confirmed = await app.inject(post('/api/v1/admin/auth/mfa/totp/confirm', { code: '123456' }, 'admin'));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ recovery_codes: ['aaaaa-bbbbb'] });
    expect(calls[1].outgoing?.caller).toEqual(admin);

    const disabled = await app.inject({ ...post('/api/v1/admin/auth/mfa/totp', { code: '123456' }, 'admin'), method: 'DELETE' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toEqual({ disabled: true });
    expect(calls[2]).toMatchObject({ method: 'disableTotp', request: { code: '123456' } });
  });

  it('needs a token (401), answers 409 when already on, 401 for a wrong first code, 422 without one', async () => {
    const app = await gateway([]);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/totp'))).statusCode).toBe(401);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/totp/confirm', { code: '123456' }))).statusCode).toBe(401);
    expect((await app.inject({ ...post('/api/v1/admin/auth/mfa/totp', { code: '1' }), method: 'DELETE' })).statusCode).toBe(401);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/totp', undefined, 'enabled'))).statusCode).toBe(409);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/totp/confirm', { code: '000000' }, 'admin'))).statusCode).toBe(401);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/totp/confirm', {}, 'admin'))).statusCode).toBe(422);
  });
});

describe('Required enrollment with the enrollment token', () => {
  it('begins and confirms without a bearer token, completing the login', async () => {
    const calls: Calls = [];
    const app = await gateway(calls);
    const begun = await app.inject(post('/api/v1/admin/auth/mfa/enroll', { enrollment_token: 'scai_mfa_t' }));
    expect(begun.statusCode).toBe(200);
    expect(calls[0].request).toEqual({ enrollmentToken: 'scai_mfa_t' });
    const confirmed = await app.inject(post('/api/v1/admin/auth/mfa/enroll/confirm', { enrollment_token: 'scai_mfa_t', code: '123456' }));
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ access_token: 'at', refresh_token: 'rt', user: { id: 'usr_root' }, recovery_codes: ['aaaaa-bbbbb'] });
    expect((await app.inject(post('/api/v1/admin/auth/mfa/enroll', { enrollment_token: 'used' }))).statusCode).toBe(401);
    expect((await app.inject(post('/api/v1/admin/auth/mfa/enroll/confirm', { enrollment_token: 'x' }))).statusCode).toBe(422);
  });
});

describe('OpenAPI', () => {
  it('keeps the seed LoginResponse on 200 and documents the MfaChallenge alternative', async () => {
    const app = await gateway([]);
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const login = doc.paths['/api/v1/admin/auth/login'].post;
    expect(login.description).toBe('Login to the admin panel.');
    expect(login.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/scaikey__api__v1__admin__auth__LoginResponse');
    expect(login.responses['200'].description).toContain('MfaChallenge');
    expect(doc.components.schemas.MfaChallenge.required).toEqual(expect.arrayContaining(['mfa_required', 'mfa_token']));
    expect(doc.paths['/api/v1/admin/auth/mfa/verify'].post.tags).toEqual(['Admin Auth']);
    expect(doc.paths['/api/v1/admin/auth/mfa/totp'].delete.summary).toBe('Disable TOTP');
  });
});
