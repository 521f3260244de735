import { describe, expect, it } from 'vitest';
import { keyedHash } from '@scai/secrets';
import { newRecoveryCode, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.ts';

describe('recovery codes', () => {
  it('are ten distinct codes of two groups of five unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('hash alike however they are typed (case, dashes, spaces)', () => {
    const code = newRecoveryCode();
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    expect(keyedHash('pepper', normalizeRecoveryCode(typed))).toBe(keyedHash('pepper', normalizeRecoveryCode(code)));
  });
});
