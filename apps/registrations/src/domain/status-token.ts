import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix says what the value is when it turns up in a log or a support ticket. */
export const STATUS_TOKEN_PREFIX = 'scai_rst_';

/** A public request's status token: 256 random bits, base64url, with its prefix. Shown once. */
export function generateStatusToken(): string {
  return STATUS_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Keyed hash (HMAC-SHA256 under a server-side pepper) of a status token: a 256-bit random
 * value needs no slow hash, and a stolen table is useless without the pepper.
 */
export function hashStatusToken(pepper: string, token: string): string {
  return createHmac('sha256', pepper).update(token, 'utf8').digest('hex');
}

/** Whether a presented token matches the stored hash, compared in constant time. */
export function statusTokenMatches(pepper: string, token: string, storedHash: string | null): boolean {
  if (!storedHash || !token) return false;
  const presented = Buffer.from(hashStatusToken(pepper, token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
