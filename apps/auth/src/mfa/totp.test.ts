import { TOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, normalizeTotpCode, otpauthUri, TOTP_PERIOD_SECONDS, totpCodeAt } from './totp.ts';

const secret = newTotpSecret();
const at = new Date('2026-11-26T12:00:10.000Z');
const step = Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
const shifted = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);

describe('TOTP', () => {
  it('makes 160-bit base32 secrets and an otpauth URI authenticator apps read', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = otpauthUri(secret, 'ada@example.com');
    expect(uri).toMatch(/^otpauth:\/\/totp\/ScaiKey:ada%40example\.com\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });

  it('accepts the code of the current step and of one step either side, not two', () => {
    expect(matchTotp(secret, totpCodeAt(secret, at), at, null)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-1)), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(1)), at, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-2)), at, null)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(2)), at, null)).toBeNull();
  });

  it('refuses a code of a step already used, or older than it (replay)', () => {
    const code = totpCodeAt(secret, at);
    expect(matchTotp(secret, code, at, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-1)), at, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(1)), at, step)).toBe(step + 1);
    expect(matchTotp(secret, code, at, step - 1)).toBe(step);
  });

  it('agrees with codes otpauth makes for the same secret, and ignores spaces', () => {
    const other = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
    expect(matchTotp(secret, `${other.slice(0, 3)} ${other.slice(3)}`, at, null)).toBe(step);
  });

  it('refuses malformed codes and codes of another secret', () => {
    expect(normalizeTotpCode('12345')).toBeNull();
    expect(normalizeTotpCode('12a456')).toBeNull();
    expect(normalizeTotpCode(' 123-456 ')).toBe('123456');
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
    const another = newTotpSecret();
    const code = totpCodeAt(another, at);
    // A 1-in-a-million collision across three steps is not worth a flaky test: compare with the real ones.
    const genuine = [-1, 0, 1].map((d) => totpCodeAt(secret, shifted(d)));
    if (!genuine.includes(code)) expect(matchTotp(secret, code, at, null)).toBeNull();
  });
});
