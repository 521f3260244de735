import { describe, expect, it } from 'vitest';
import { keyedHash } from '@scai/secrets';
import { clientSecretMatches } from './secret-hash.ts';

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
