import { hkdfSync } from 'node:crypto';
import { decryptSecret, encryptSecret, parseEncryptionKey } from '../domain/key-encryption.ts';

/**
 * The key TOTP secrets are encrypted with: derived (HKDF-SHA256) from
 * SIGNING_KEY_ENCRYPTION_KEY with its own label, so one configured secret serves both
 * while a ciphertext of one kind can never be opened as the other.
 */
export function mfaEncryptionKey(signingKeyEncryptionKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', parseEncryptionKey(signingKeyEncryptionKey), Buffer.alloc(0), 'scai-auth-mfa-totp-secret', 32));
}

/** The user id is bound as additional data: a sealed secret cannot be moved to another user. */
const aad = (userId: string) => `user_mfa:${userId}`;

export function sealTotpSecret(key: Buffer, userId: string, secretBase32: string): string {
  return encryptSecret(key, secretBase32, aad(userId));
}

export function openTotpSecret(key: Buffer, userId: string, sealed: string): string {
  return decryptSecret(key, sealed, aad(userId));
}
