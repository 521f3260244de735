import { hash } from 'node:crypto';

export interface VerifiedTokenCacheOptions {
  /** Most tokens remembered; the least recently used one makes room for a new one. */
  maxEntries: number;
  /**
   * Longest a verification is reused, whatever the token's `exp`: bounds how long a token
   * signed by a key that has since left the JWKS keeps passing (the key set itself is
   * cached for 10 minutes, so a TTL well below that adds nothing to that window).
   */
  maxTtlMs: number;
  now?: () => number;
}

/**
 * Remembers what verifying a token gave, keyed by a SHA-256 of the token so the heap
 * holds no bearer tokens. Only successful verifications are stored; a refused token
 * (bad signature, unknown `kid`, wrong audience) is checked again next time, so a key
 * that arrives with a rotation is picked up at once. Revocation is not this cache's
 * business: the caller checks the revocation view on every request, cached or not.
 */
export interface VerifiedTokenCache<T> {
  get(token: string): T | undefined;
  /** `expiresAtSeconds` is the token's `exp`; without one only the TTL bounds the entry. */
  set(token: string, value: T, expiresAtSeconds: number | undefined): void;
  readonly size: number;
}

interface Entry<T> {
  value: T;
  /** ms since the epoch; the entry is not served at or after this. */
  until: number;
}

/** One-shot `crypto.hash` (Node ≥ 20.12): half the cost of a Hash object, per request. */
export const tokenDigest = (token: string): string => hash('sha256', token, 'base64url');

export function createVerifiedTokenCache<T>(options: VerifiedTokenCacheOptions): VerifiedTokenCache<T> {
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least
  // recently used entry first, which is the one evicted.
  const entries = new Map<string, Entry<T>>();

  return {
    get(token) {
      const key = tokenDigest(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (now() >= entry.until) return undefined;
      entries.set(key, entry);
      return entry.value;
    },

    set(token, value, expiresAtSeconds) {
      const at = now();
      const until = Math.min(at + options.maxTtlMs, expiresAtSeconds === undefined ? Number.POSITIVE_INFINITY : expiresAtSeconds * 1000);
      if (until <= at || options.maxEntries <= 0) return;
      const key = tokenDigest(token);
      entries.delete(key);
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { value, until });
    },

    get size() {
      return entries.size;
    },
  };
}
