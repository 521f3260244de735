import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTVerifyGetKey, type CryptoKey as JoseKey } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@scai/api';
import { createTokenVerifier, DEFAULT_TOKEN_CACHE } from './token-verifier.ts';

const PUBLIC_URL = 'https://platform.test';
const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (ms: number) => vi.setSystemTime(ms);
const seconds = (ms: number) => Math.floor(ms / 1000);

interface Signer {
  kid: string;
  privateKey: JoseKey;
  jwk: JWK;
}

let k1: Signer;
let k2: Signer;

async function signer(kid: string): Promise<Signer> {
  const pair = await generateKeyPair('RS256');
  return { kid, privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

function sign(key: Signer, claims: Record<string, unknown> = {}) {
  const iat = seconds(Date.now());
  return new SignJWT({ iss: `${PUBLIC_URL}/api/v1/platform/oauth`, aud: `${PUBLIC_URL}/api/v1`, sub: 'usr_1', iat, exp: iat + 600, jti: 'jti-1', roles: ['tenant_admin'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

/** A key set that can rotate, counting how often a signature check asked it for a key. */
function rotatingKeys(initial: Signer[]) {
  let keys = initial;
  const set = {
    lookups: 0,
    rotate(next: Signer[]) {
      keys = next;
    },
    getKey: ((header, token) => {
      set.lookups += 1;
      return createLocalJWKSet({ keys: keys.map((k) => k.jwk) })(header, token);
    }) as JWTVerifyGetKey,
  };
  return set;
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    return (error as AppError).code;
  }
}

beforeAll(async () => {
  [k1, k2] = await Promise.all([signer('k1'), signer('k2')]);
});

beforeEach(() => {
  // Only the clock: jose reads it for exp/nbf, the cache for its deadlines.
  vi.useFakeTimers({ toFake: ['Date'] });
  at(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createTokenVerifier with its cache', () => {
  it('checks the signature of a token once and answers its next uses from the cache', async () => {
    const keys = rotatingKeys([k1]);
    const verify = createTokenVerifier({ jwks: keys.getKey, publicUrl: PUBLIC_URL });
    const token = await sign(k1);
    const first = await verify(token);
    const second = await verify(token);
    expect(keys.lookups).toBe(1);
    expect(second).toBe(first);
    expect(second).toMatchObject({ subject: 'usr_1', tokenId: 'jti-1', issuedAt: seconds(T0) });
    await verify(await sign(k1, { sub: 'usr_2' }));
    expect(keys.lookups).toBe(2);
  });

  it('verifies every time with cache: false', async () => {
    const keys = rotatingKeys([k1]);
    const verify = createTokenVerifier({ jwks: keys.getKey, publicUrl: PUBLIC_URL, cache: false });
    const token = await sign(k1);
    await verify(token);
    await verify(token);
    expect(keys.lookups).toBe(2);
  });

  it('does not serve a token from the cache once it has expired', async () => {
    const verify = createTokenVerifier({ jwks: rotatingKeys([k1]).getKey, publicUrl: PUBLIC_URL });
    const token = await sign(k1, { exp: seconds(T0) + 30 });
    expect(await outcome(verify(token))).toBe('accepted');
    at(T0 + 29_000);
    expect(await outcome(verify(token))).toBe('accepted');
    // Past exp and the verifier's 5 s clock tolerance: refused, cached or not.
    at(T0 + 36_000);
    expect(await outcome(verify(token))).toBe('unauthorized');
  });

  it('does not remember a refusal: a token of an unknown kid passes once its key is published', async () => {
    const keys = rotatingKeys([k1]);
    const verify = createTokenVerifier({ jwks: keys.getKey, publicUrl: PUBLIC_URL });
    const token = await sign(k2);
    expect(await outcome(verify(token))).toBe('unauthorized');
    expect(await outcome(verify(token))).toBe('unauthorized');
    keys.rotate([k1, k2]);
    expect(await outcome(verify(token))).toBe('accepted');
  });

  it('does not cache forged or foreign tokens', async () => {
    const keys = rotatingKeys([k1]);
    const verify = createTokenVerifier({ jwks: keys.getKey, publicUrl: PUBLIC_URL });
    const foreign = await new SignJWT({ sub: 'usr_1', aud: `${PUBLIC_URL}/api/v1`, iss: 'https://evil.test/api/v1/platform/oauth', exp: seconds(T0) + 600 })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(k1.privateKey);
    expect(await outcome(verify(foreign))).toBe('unauthorized');
    expect(await outcome(verify(foreign))).toBe('unauthorized');
    expect(keys.lookups).toBe(2);
  });

  it("keeps a token whose key left the set passing for the cache's TTL at most", async () => {
    const keys = rotatingKeys([k1, k2]);
    const verify = createTokenVerifier({ jwks: keys.getKey, publicUrl: PUBLIC_URL });
    const token = await sign(k1, { exp: seconds(T0) + 3600 });
    await verify(token);
    keys.rotate([k2]);
    at(T0 + DEFAULT_TOKEN_CACHE.maxTtlMs - 1);
    expect(await outcome(verify(token))).toBe('accepted');
    at(T0 + DEFAULT_TOKEN_CACHE.maxTtlMs);
    expect(await outcome(verify(token))).toBe('unauthorized');
  });

  it('hands out frozen callers, since one is shared by every request with the token', async () => {
    const verify = createTokenVerifier({ jwks: rotatingKeys([k1]).getKey, publicUrl: PUBLIC_URL });
    const caller = await verify(await sign(k1));
    expect(Object.isFrozen(caller)).toBe(true);
    expect(() => caller.roles.push('super_admin')).toThrow(TypeError);
    expect(() => caller.permissions.push('admin:partners')).toThrow(TypeError);
  });
});
