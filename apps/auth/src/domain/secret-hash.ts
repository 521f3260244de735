import { keyedHashMatches } from '@scai/secrets';

/** Prefixes say what a secret is when it turns up in a log or a support ticket. */
export const REFRESH_TOKEN_PREFIX = 'scai_rt_';
export const CLIENT_SECRET_PREFIX = 'scai_cs_';

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
