import { describe, expect, it } from 'vitest';
import { clientSecretMatches, CLIENT_SECRET_PREFIX, generateSecret, keyedHash, keyedHashMatches, REFRESH_TOKEN_PREFIX } from './secret-hash.ts';

describe('machine secrets', () => {
  it('are 256-bit random values with their type prefix', () => {
    const token = generateSecret(REFRESH_TOKEN_PREFIX);
    expect(token.startsWith('scai_rt_')).toBe(true);
    expect(Buffer.from(token.slice(REFRESH_TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(generateSecret(CLIENT_SECRET_PREFIX)).not.toBe(generateSecret(CLIENT_SECRET_PREFIX));
  });

  it('hash with HMAC-SHA256 under the pepper: same input same hash, other pepper other hash', () => {
    expect(keyedHash('pepper', 'secret')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash('pepper', 'secret')).toBe(keyedHash('pepper', 'secret'));
    expect(keyedHash('other', 'secret')).not.toBe(keyedHash('pepper', 'secret'));
  });

  it('match only the right secret, and tolerate a malformed stored hash', () => {
    const stored = keyedHash('pepper', 'secret');
    expect(keyedHashMatches('pepper', 'secret', stored)).toBe(true);
    expect(keyedHashMatches('pepper', 'secreT', stored)).toBe(false);
    expect(keyedHashMatches('other', 'secret', stored)).toBe(false);
    expect(keyedHashMatches('pepper', 'secret', 'abc')).toBe(false);
  });
});

describe('clientSecretMatches', () => {
  const pepper = 'pepper';
  const current = keyedHash(pepper, 'new-secret');
  const previous = { hash: keyedHash(pepper, 'old-secret'), expiresAt: 2_000 };

  it('accepts the current secret, and the previous one only before its grace ends', () => {
    expect(clientSecretMatches(pepper, 'new-secret', { current, previous, now: 1_000 })).toBe(true);
    expect(clientSecretMatches(pepper, 'old-secret', { current, previous, now: 1_999 })).toBe(true);
    expect(clientSecretMatches(pepper, 'old-secret', { current, previous, now: 2_000 })).toBe(false);
    expect(clientSecretMatches(pepper, 'new-secret', { current, previous, now: 5_000 })).toBe(true);
    expect(clientSecretMatches(pepper, 'other', { current, previous, now: 1_000 })).toBe(false);
    expect(clientSecretMatches(pepper, 'old-secret', { current, previous: null, now: 1_000 })).toBe(false);
    expect(clientSecretMatches(pepper, 'new-secret', { current: null, previous: null, now: 1_000 })).toBe(false);
  });
});
