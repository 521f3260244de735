import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';
import { generateStatusToken, hashStatusToken, STATUS_TOKEN_PREFIX, statusTokenMatches } from './status-token.ts';

describe('status tokens', () => {
  it('are 256 random bits with a prefix, different every time', () => {
    const token = generateStatusToken();
    expect(token.startsWith(STATUS_TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(token.slice(STATUS_TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(generateStatusToken()).not.toBe(token);
  });

  it('are stored as an HMAC-SHA256 under the pepper, never in clear', () => {
    const token = generateStatusToken();
    const hash = hashStatusToken('pepper-1', token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashStatusToken('pepper-2', token)).not.toBe(hash);
  });

  it('match only the same token under the same pepper', () => {
    const token = generateStatusToken();
    const hash = hashStatusToken('pepper', token);
    expect(statusTokenMatches('pepper', token, hash)).toBe(true);
    expect(statusTokenMatches('pepper', `${token}x`, hash)).toBe(false);
    expect(statusTokenMatches('other', token, hash)).toBe(false);
    expect(statusTokenMatches('pepper', token, null)).toBe(false);
    expect(statusTokenMatches('pepper', '', hash)).toBe(false);
    expect(statusTokenMatches('pepper', token, 'abcd')).toBe(false);
  });
});

describe('sealed client secrets', () => {
  const key = randomBytes(32);

  it('round-trip under the same key and request id, with a fresh IV each time', () => {
    const sealed = sealSecret(key, 'scai_cs_secret', 'rrq_1');
    expect(sealed).not.toContain('scai_cs_secret');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealSecret(key, 'scai_cs_secret', 'rrq_1')).not.toBe(sealed);
    expect(openSecret(key, sealed, 'rrq_1')).toBe('scai_cs_secret');
  });

  it('refuse another request id, another key or a changed ciphertext', () => {
    const sealed = sealSecret(key, 'scai_cs_secret', 'rrq_1');
    expect(() => openSecret(key, sealed, 'rrq_2')).toThrow();
    expect(() => openSecret(randomBytes(32), sealed, 'rrq_1')).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3], 'base64url');
    flipped[0] ^= 1;
    expect(() => openSecret(key, [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'rrq_1')).toThrow();
    expect(() => openSecret(key, 'v0.a.b.c', 'rrq_1')).toThrow(/format/);
  });
});
