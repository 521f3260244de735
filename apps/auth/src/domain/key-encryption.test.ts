import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, parseEncryptionKey } from './key-encryption.ts';

describe('private key encryption', () => {
  const key = randomBytes(32);

  it('round-trips and never stores the plaintext', () => {
    const sealed = encryptSecret(key, '{"d":"private"}', 'key_1');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('private');
    expect(decryptSecret(key, sealed, 'key_1')).toBe('{"d":"private"}');
  });

  it('refuses another key, another key id, or a tampered ciphertext', () => {
    const sealed = encryptSecret(key, 'secret', 'key_1');
    expect(() => decryptSecret(randomBytes(32), sealed, 'key_1')).toThrow();
    expect(() => decryptSecret(key, sealed, 'key_2')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'), 'key_1')).toThrow();
  });

  it('parses a 32-byte base64 key and refuses other lengths', () => {
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(() => parseEncryptionKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
