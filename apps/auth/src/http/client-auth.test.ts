import { describe, expect, it } from 'vitest';
import { OAuthError } from '../services/client-credentials.ts';
import { clientAuthentication } from './client-auth.ts';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function oauthErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof OAuthError) return error.error;
  }
  throw new Error('expected an OAuthError');
}

describe('clientAuthentication', () => {
  it('reads HTTP Basic with form-encoded parts', () => {
    expect(clientAuthentication(basic('my id', 'p:a+ss'), {})).toEqual({ clientId: 'my id', clientSecret: 'p:a+ss', method: 'client_secret_basic' });
  });

  it('reads the body fields', () => {
    expect(clientAuthentication(undefined, { client_id: 'c', client_secret: 's' })).toEqual({ clientId: 'c', clientSecret: 's', method: 'client_secret_post' });
  });

  it('answers null when no credentials were sent', () => {
    expect(clientAuthentication(undefined, { grant_type: 'client_credentials' })).toBeNull();
  });

  it('refuses two methods at once, half credentials and other schemes', () => {
    expect(oauthErrorOf(() => clientAuthentication(basic('c', 's'), { client_id: 'c' }))).toBe('invalid_request');
    expect(oauthErrorOf(() => clientAuthentication(undefined, { client_id: 'c' }))).toBe('invalid_client');
    expect(oauthErrorOf(() => clientAuthentication('Bearer abc', {}))).toBe('invalid_client');
    expect(oauthErrorOf(() => clientAuthentication(`Basic ${Buffer.from('nocolon').toString('base64')}`, {}))).toBe('invalid_client');
  });
});
