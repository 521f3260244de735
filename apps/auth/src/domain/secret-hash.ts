import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes say what a secret is when it turns up in a log or a support ticket. */
export const REFRESH_TOKEN_PREFIX = 'scai_rt_';
export const CLIENT_SECRET_PREFIX = 'scai_cs_';

/** A machine-generated secret: 256 random bits, base64url, with a type prefix. */
export function generateSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Keyed hash (HMAC-SHA256 under a server-side pepper) for machine-generated secrets:
 * as safe as a slow hash for 256-bit random values and fast enough for the token
 * endpoint (architecture.md, toolchain.md measurement). Never for passwords.
 */
export function keyedHash(pepper: string, secret: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored keyed hash in constant time. */
export function keyedHashMatches(pepper: string, secret: string, storedHash: string): boolean {
  const presented = Buffer.from(keyedHash(pepper, secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  if (stored.length !== presented.length) return false;
  return timingSafeEqual(presented, stored);
}

/**
 * A presented client secret against the current hash and, during a rotation's grace
 * period, the previous one. Both comparisons always run (constant time either way), so
 * the answer's timing says nothing about which secret matched or whether a grace is on.
 */
export function clientSecretMatches(
  pepper: string,
  secret: string,
  hashes: { current: string | null; previous: { hash: string; expiresAt: number } | null; now: number },
): boolean {
  const current = keyedHashMatches(pepper, secret, hashes.current ?? '');
  const previous = keyedHashMatches(pepper, secret, hashes.previous?.hash ?? '');
  const previousLive = hashes.previous !== null && hashes.now < hashes.previous.expiresAt;
  return (hashes.current !== null && current) || (previousLive && previous);
}
