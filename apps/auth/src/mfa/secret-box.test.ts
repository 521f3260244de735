import { describe, expect, it } from 'vitest';
import { decryptSecret, parseEncryptionKey } from '../domain/key-encryption.ts';
import { mfaEncryptionKey, openTotpSecret, sealTotpSecret } from './secret-box.ts';
import { newTotpSecret } from './totp.ts';

const configured = Buffer.alloc(32, 7).toString('base64');

describe('TOTP secrets at rest', () => {
  it('round-trip through AES-256-GCM, never stored in clear', () => {
    const key = mfaEncryptionKey(configured);
    const secret = newTotpSecret();
    const sealed = sealTotpSecret(key, 'usr_a', secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).toMatch(/^v1\./);
    expect(openTotpSecret(key, 'usr_a', sealed)).toBe(secret);
    // A fresh IV each time.
    expect(sealTotpSecret(key, 'usr_a', secret)).not.toBe(sealed);
  });

  it('cannot be opened for another user, with another key, or with the signing keys’ own key', () => {
    const key = mfaEncryptionKey(configured);
    const sealed = sealTotpSecret(key, 'usr_a', newTotpSecret());
    expect(() => openTotpSecret(key, 'usr_b', sealed)).toThrow();
    expect(() => openTotpSecret(mfaEncryptionKey(Buffer.alloc(32, 8).toString('base64')), 'usr_a', sealed)).toThrow();
    expect(() => decryptSecret(parseEncryptionKey(configured), sealed, 'user_mfa:usr_a')).toThrow();
  });
});
