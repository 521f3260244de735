import { describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { expiresAt, isExpired } from './expiry.ts';
import { REQUEST_STATUSES } from './registration-values.ts';
import { assertPending, TARGET_STATUS } from './transitions.ts';
import { isAcceptableRedirectUri } from './redirect-uri.ts';

describe('transitions', () => {
  it('only PENDING moves', () => {
    expect(() => assertPending('PENDING', 'approve')).not.toThrow();
    for (const status of REQUEST_STATUSES.filter((s) => s !== 'PENDING')) {
      for (const action of ['approve', 'reject', 'cancel', 'expire'] as const) {
        const error = (() => {
          try {
            assertPending(status, action);
          } catch (e) {
            return e as AppError;
          }
          return null;
        })();
        expect(error?.code).toBe('conflict');
        expect(error?.status).toBe(409);
      }
    }
  });

  it('maps actions to their final status', () => {
    expect(TARGET_STATUS).toEqual({ approve: 'APPROVED', reject: 'REJECTED', cancel: 'CANCELLED', expire: 'EXPIRED' });
  });
});

describe('expiry', () => {
  it('expires TTL days after creation', () => {
    const created = new Date('2026-01-01T00:00:00Z');
    expect(expiresAt(created, 30).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(isExpired(expiresAt(created, 30), new Date('2026-01-30T23:59:59Z'))).toBe(false);
    expect(isExpired(expiresAt(created, 30), new Date('2026-01-31T00:00:00Z'))).toBe(true);
  });
});

describe('redirect URIs', () => {
  it.each([
    ['https://app.example.com/cb', true],
    ['http://localhost:8080/cb', true],
    ['http://127.0.0.1/cb', true],
    ['http://[::1]:3000/cb', true],
    ['http://app.example.com/cb', false],
    ['com.example.app:/cb', false],
    ['not a url', false],
  ])('%s → %s', (uri, ok) => {
    expect(isAcceptableRedirectUri(uri)).toBe(ok);
  });
});
