import { describe, expect, it } from 'vitest';
import { refreshOutcome } from './refresh-rules.ts';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');
const earlier = new Date('2025-12-31T00:00:00Z');

describe('refreshOutcome', () => {
  it('rotates a live token', () => {
    expect(refreshOutcome({ status: 'active', expiresAt: later }, now)).toBe('rotate');
  });
  it('revokes the family when a spent token is presented again', () => {
    expect(refreshOutcome({ status: 'rotated', expiresAt: later }, now)).toBe('revoke_family');
    expect(refreshOutcome({ status: 'rotated', expiresAt: earlier }, now)).toBe('revoke_family');
  });
  it('rejects unknown, revoked and expired tokens', () => {
    expect(refreshOutcome(null, now)).toBe('reject');
    expect(refreshOutcome({ status: 'revoked', expiresAt: later }, now)).toBe('reject');
    expect(refreshOutcome({ status: 'active', expiresAt: earlier }, now)).toBe('reject');
    expect(refreshOutcome({ status: 'active', expiresAt: now }, now)).toBe('reject');
  });
});
