import { describe, expect, it } from 'vitest';
import { generateSecret, keyedHash, keyedHashMatches } from './keyed-hash.ts';
import { serviceSecret } from './service-secret.ts';

describe('machine secrets', () => {
  it('are 256-bit random values with their type prefix', () => {
    const token = generateSecret('scai_rt_');
    expect(token.startsWith('scai_rt_')).toBe(true);
    expect(Buffer.from(token.slice('scai_rt_'.length), 'base64url')).toHaveLength(32);
    expect(generateSecret('x_')).not.toBe(generateSecret('x_'));
  });

  it('hash with HMAC-SHA256 under the pepper: same input same hash, other pepper other hash', () => {
    expect(keyedHash('pepper', 'secret')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash('pepper', 'secret')).toBe(keyedHash('pepper', 'secret'));
    expect(keyedHash('other', 'secret')).not.toBe(keyedHash('pepper', 'secret'));
  });

  it('match only the right secret, and tolerate a malformed stored hash', () => {
    const stored = keyedHash('pepper', 'secret');
    expect(keyedHashMatches('pepper', 'secret', stored)).toBe(true);
    expect(keyedHashMatches('pepper', 'secreT', stored)).toBe(false);
    expect(keyedHashMatches('other', 'secret', stored)).toBe(false);
    expect(keyedHashMatches('pepper', 'secret', 'abc')).toBe(false);
  });
});

describe('serviceSecret', () => {
  it('uses the configured value, refuses to run without one in production, derives a stable one elsewhere', () => {
    const warnings: string[] = [];
    expect(serviceSecret({ name: 'PEPPER', value: 'set', nodeEnv: 'production' }, 'pepper')).toBe('set');
    expect(() => serviceSecret({ name: 'PEPPER', value: undefined, nodeEnv: 'production' }, 'pepper')).toThrow(/PEPPER is required in production/);
    const derived = serviceSecret({ name: 'PEPPER', value: undefined, nodeEnv: 'development' }, 'pepper', (m) => warnings.push(m));
    expect(derived).toBe(serviceSecret({ name: 'PEPPER', value: undefined, nodeEnv: 'test' }, 'pepper', () => undefined));
    expect(derived).not.toBe(serviceSecret({ name: 'PEPPER', value: undefined, nodeEnv: 'test' }, 'other', () => undefined));
    expect(warnings).toEqual([expect.stringContaining('PEPPER')]);
  });
});
