import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from './redaction.ts';

describe('isSecretKey', () => {
  it('knows secrets in any spelling', () => {
    for (const key of ['authorization', 'Authorization', 'cookie', 'set-cookie', 'password', 'new_password', 'client_secret', 'clientSecret',
      'refresh_token', 'access_token', 'accessToken', 'token', 'secret', 'status_token', 'x-api-key', 'private_key', 'code_verifier']) {
      expect(isSecretKey(key), key).toBe(true);
    }
  });

  it('leaves ordinary keys alone', () => {
    for (const key of ['token_type', 'email', 'input_tokens', 'expires_in', 'secret_id', 'name']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });
});

describe('redactSecrets', () => {
  it('copies only the branches it changes and never mutates its input', () => {
    const untouched = { a: 1 };
    const input = { untouched, nested: { password: 'p' }, list: [{ token: 't' }, { ok: true }] };
    const output = redactSecrets(input);
    expect(output).toEqual({ untouched, nested: { password: REDACTED }, list: [{ token: REDACTED }, { ok: true }] });
    expect(output.untouched).toBe(untouched);
    expect(output.list[1]).toBe(input.list[1]);
    expect(input.nested.password).toBe('p');
    const clean = { a: { b: 1 } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('does not walk class instances and stops at a cycle-safe depth', () => {
    const error = Object.assign(new Error('x'), { password: 'kept for the serializer' });
    expect(redactSecrets({ error }).error).toBe(error);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => redactSecrets(cyclic)).not.toThrow();
  });
});
