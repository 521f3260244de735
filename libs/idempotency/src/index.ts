export { once, pruneIdempotencyKeys, IDEMPOTENCY_TTL_MS } from './once.ts';
export type { OnceOptions, OnceResult } from './once.ts';
export { requestFingerprint } from './fingerprint.ts';
export { checkIdempotencyKey, IDEMPOTENCY_KEY_PATTERN } from './idempotency-key.ts';
