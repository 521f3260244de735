import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createVerifiedTokenCache, tokenDigest } from './verified-token-cache.ts';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

function cacheAt(start = T0, options: { maxEntries?: number; maxTtlMs?: number } = {}) {
  const clock = { now: start };
  const cache = createVerifiedTokenCache<string>({ maxEntries: options.maxEntries ?? 100, maxTtlMs: options.maxTtlMs ?? 60_000, now: () => clock.now });
  return { cache, clock };
}

describe('createVerifiedTokenCache', () => {
  it("serves an entry until the token's exp, not at or after it", () => {
    const { cache, clock } = cacheAt();
    cache.set('token-a', 'caller-a', seconds(T0) + 30);
    clock.now = T0 + 29_999;
    expect(cache.get('token-a')).toBe('caller-a');
    clock.now = T0 + 30_000;
    expect(cache.get('token-a')).toBeUndefined();
    // An expired entry is dropped, not kept for later.
    expect(cache.size).toBe(0);
  });

  it('bounds an entry by the TTL when exp is further away, and by the TTL alone without exp', () => {
    const { cache, clock } = cacheAt(T0, { maxTtlMs: 10_000 });
    cache.set('long-lived', 'caller', seconds(T0) + 3600);
    cache.set('no-exp', 'caller', undefined);
    clock.now = T0 + 9_999;
    expect(cache.get('long-lived')).toBe('caller');
    expect(cache.get('no-exp')).toBe('caller');
    clock.now = T0 + 10_000;
    expect(cache.get('long-lived')).toBeUndefined();
    expect(cache.get('no-exp')).toBeUndefined();
  });

  it('does not store a token that is already expired (inside the verifier’s clock tolerance)', () => {
    const { cache } = cacheAt();
    cache.set('expired', 'caller', seconds(T0) - 2);
    cache.set('expires-now', 'caller', seconds(T0));
    expect(cache.get('expired')).toBeUndefined();
    expect(cache.get('expires-now')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, evicting the least recently used', () => {
    const { cache } = cacheAt(T0, { maxEntries: 3 });
    const exp = seconds(T0) + 600;
    for (const token of ['a', 'b', 'c']) cache.set(token, token.toUpperCase(), exp);
    expect(cache.get('a')).toBe('A'); // a is now the most recently used
    cache.set('d', 'D', exp);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual(['A', 'C', 'D']);
    for (let i = 0; i < 1000; i += 1) cache.set(`t${i}`, 'X', exp);
    expect(cache.size).toBe(3);
  });

  it('replaces the entry of a token stored again without growing', () => {
    const { cache } = cacheAt(T0, { maxEntries: 2 });
    cache.set('a', 'first', seconds(T0) + 600);
    cache.set('a', 'second', seconds(T0) + 600);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe('second');
  });

  it('stores nothing with maxEntries 0', () => {
    const { cache } = cacheAt(T0, { maxEntries: 0 });
    cache.set('a', 'A', seconds(T0) + 600);
    expect(cache.get('a')).toBeUndefined();
  });

  it('keys entries by the SHA-256 of the token, not the token itself', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.e30.sig';
    expect(tokenDigest(token)).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(tokenDigest(token)).not.toContain(token);
  });
});
