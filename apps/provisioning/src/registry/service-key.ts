import { unauthorized } from '@scai/api';
import { generateSecret, keyedHash, keyedHashMatches } from '@scai/secrets';

/** What an `x-scaicontrol-key` is, when it turns up in a log or a ticket. */
export const SERVICE_KEY_PREFIX = 'scai_sk_';

export interface ServiceKeys {
  /** A new key and the hash to store; the key is answered once and never stored. */
  issue(): { key: string; hash: string };
  /**
   * When the request carries a key it must match the service's current one (a service
   * without a key yet matches nothing); a request without one is judged by its token alone.
   */
  check(presented: string | undefined, storedHash: string | null): void;
}

export function serviceKeys(pepper: string): ServiceKeys {
  return {
    issue() {
      const key = generateSecret(SERVICE_KEY_PREFIX);
      return { key, hash: keyedHash(pepper, key) };
    },
    check(presented, storedHash) {
      if (presented === undefined || presented === '') return;
      if (!keyedHashMatches(pepper, presented, storedHash ?? '')) throw unauthorized('The x-scaicontrol-key does not match this service');
    },
  };
}
