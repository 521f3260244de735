import { createHmac } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey as JoseKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.ts';

const PUBLIC_URL = 'https://platform.test';
const ISSUER = `${PUBLIC_URL}/api/v1/platform/oauth`;
const AUDIENCE = `${PUBLIC_URL}/api/v1`;

let privateKey: JoseKey;
let publicJwk: JWK;
let verify: TokenVerifier;

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claims(overrides: Record<string, unknown> = {}) {
  return {
    iss: ISSUER,
    aud: AUDIENCE,
    sub: 'usr_1',
    iat: now(),
    exp: now() + 600,
    jti: 'jti-1',
    client_id: 'scai-admin-console',
    scope: 'openid',
    tenant_id: 'tnt_a',
    partner_id: 'prt_a',
    roles: ['tenant_admin', 'not_a_role'],
    permissions: ['admin:users'],
    token_type: 'access',
    ...overrides,
  };
}

async function sign(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(privateKey);
}

async function rejection(token: string): Promise<string> {
  try {
    await verify(token);
    return 'accepted';
  } catch (error) {
    return (error as AppError).code;
  }
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  verify = createTokenVerifier({ jwks: createLocalJWKSet({ keys: [publicJwk] }), publicUrl: PUBLIC_URL });
});

describe('createTokenVerifier', () => {
  it('turns a valid token into a caller, keeping only known roles', async () => {
    const caller = await verify(await sign(claims()));
    expect(caller).toMatchObject({
      subject: 'usr_1',
      kind: 'user',
      tenantId: 'tnt_a',
      partnerId: 'prt_a',
      roles: ['tenant_admin'],
      permissions: ['admin:users'],
      tokenId: 'jti-1',
    });
  });

  it('hands over `iat` for the revocation check', async () => {
    const iat = now() - 30;
    expect((await verify(await sign(claims({ iat })))).issuedAt).toBe(iat);
  });

  it('treats client_credentials tokens as services holding their granted scopes', async () => {
    const caller = await verify(await sign(claims({ sub: 'cli_1', token_type: 'client_credentials', app_scope: 'GLOBAL', scope: 'admin:read', roles: [], permissions: [] })));
    expect(caller).toMatchObject({ kind: 'service', appScope: 'GLOBAL', roles: ['service'], permissions: ['admin:read'] });
  });

  it('accepts tenant issuers of this platform only', async () => {
    expect(await rejection(await sign(claims({ iss: `${PUBLIC_URL}/api/v1/auth/tenants/acme` })))).toBe('accepted');
    expect(await rejection(await sign(claims({ iss: 'https://evil.test/api/v1/platform/oauth' })))).toBe('unauthorized');
    expect(await rejection(await sign(claims({ iss: `${PUBLIC_URL}/api/v1/auth/tenants/../../x` })))).toBe('unauthorized');
  });

  it('refuses expired, not-yet-valid and wrong-audience tokens', async () => {
    expect(await rejection(await sign(claims({ exp: now() - 60 })))).toBe('unauthorized');
    expect(await rejection(await sign(claims({ nbf: now() + 600 })))).toBe('unauthorized');
    expect(await rejection(await sign(claims({ aud: 'https://other.test/api/v1' })))).toBe('unauthorized');
  });

  it('refuses alg none, HS256 signed with the public key, unknown kids and foreign keys', async () => {
    expect(await rejection(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`)).toBe('unauthorized');
    const input = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64(claims())}`;
    const hs256 = `${input}.${createHmac('sha256', JSON.stringify(publicJwk)).update(input).digest('base64url')}`;
    expect(await rejection(hs256)).toBe('unauthorized');
    expect(await rejection(await sign(claims(), { kid: 'unknown' }))).toBe('unauthorized');
    const other = await generateKeyPair('RS256');
    expect(await rejection(await new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(other.privateKey))).toBe('unauthorized');
    expect(await rejection('garbage')).toBe('unauthorized');
  });

  it('answers 503 when the key set cannot be fetched', async () => {
    const offline = createTokenVerifier({ jwks: new URL('http://127.0.0.1:9/jwks.json'), publicUrl: PUBLIC_URL });
    await expect(offline(await sign(claims()))).rejects.toMatchObject({ code: 'unavailable' });
  });
});
