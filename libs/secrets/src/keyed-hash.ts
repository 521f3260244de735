import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A machine-generated secret: 256 random bits, base64url, behind a prefix that says what it is in a log or a ticket. */
export function generateSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Keyed hash (HMAC-SHA256 under a server-side pepper) for machine-generated secrets:
 * as safe as a slow hash for 256-bit random values and fast enough to check on every
 * request (architecture.md, toolchain.md measurement). Never for passwords.
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
