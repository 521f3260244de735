import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in the typings (value 2); isolatedModules forbids reading it.
const ARGON2ID = 2;

export const MIN_PASSWORD_LENGTH = 12;

/** argon2id at the library's default cost (~40 ms here), the spec's choice for people's passwords. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies a password. With no stored hash (unknown e-mail) it still runs one argon2id
 * verification against a dummy hash, so the answer takes as long either way and
 * timing does not reveal which e-mails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('scai-dummy-password-for-constant-time');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
