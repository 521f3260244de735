import { badRequest } from '@scai/api';

/** Printable ASCII without spaces, 1 to 255 characters (a UUID is the usual choice). */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7E]{1,255}$';
const KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

export function checkIdempotencyKey(key: string): string {
  if (!KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 255 printable ASCII characters without spaces');
  return key;
}
