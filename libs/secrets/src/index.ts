export { generateSecret, keyedHash, keyedHashMatches } from './keyed-hash.ts';
export { serviceSecret } from './service-secret.ts';
