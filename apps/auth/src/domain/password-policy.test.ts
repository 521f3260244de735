import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblems, PLATFORM_PASSWORD_POLICY } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long, uncommon password under the platform policy', () => {
    expect(passwordProblems('plum-orbit-lantern-42', PLATFORM_PASSWORD_POLICY)).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    const policy = { minLength: 14, requireUppercase: true, requireLowercase: true, requireDigit: true, requireSymbol: true };
    expect(passwordProblems('zqvxkp', policy)).toEqual([
      'must have at least 14 characters',
      'must contain an uppercase letter',
      'must contain a digit',
      'must contain a symbol',
    ]);
    expect(passwordProblems('Plum-Orbit-Lantern-42', policy)).toEqual([]);
  });

  it('never goes below 8 characters whatever the tenant says', () => {
    expect(passwordProblems('a1b2c3', { ...PLATFORM_PASSWORD_POLICY, minLength: 4 })).toContain('must have at least 8 characters');
  });

  it('refuses breached passwords case-insensitively, and the e-mail itself', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('plum-orbit-lantern-42')).toBe(false);
    expect(passwordProblems('qwertyuiop12', PLATFORM_PASSWORD_POLICY)).toEqual(['is too common (it appears in lists of breached passwords)']);
    expect(passwordProblems('ada.lovelace@example.com', PLATFORM_PASSWORD_POLICY, { email: 'Ada.Lovelace@example.com' })).toEqual(['must not be your e-mail address']);
  });
});
