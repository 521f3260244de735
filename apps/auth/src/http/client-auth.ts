import { OAuthError } from '../services/client-credentials.ts';

export interface ClientAuthentication {
  clientId: string;
  clientSecret: string;
  method: 'client_secret_basic' | 'client_secret_post';
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/**
 * The client's credentials from HTTP Basic (RFC 6749 §2.3.1: form-encoded id and secret,
 * then base64) or from the body. Using both at once is refused, as the RFC asks.
 * null when the client sent none.
 */
export function clientAuthentication(authorization: string | undefined, body: Record<string, string | undefined>): ClientAuthentication | null {
  const inBody = body.client_id !== undefined || body.client_secret !== undefined;
  if (authorization !== undefined) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    if (!match) throw new OAuthError('invalid_client', 'Unsupported or malformed Authorization header');
    if (inBody) throw new OAuthError('invalid_request', 'Use one client authentication method, not several');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
    try {
      return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)), method: 'client_secret_basic' };
    } catch {
      throw new OAuthError('invalid_client', 'Malformed Basic credentials');
    }
  }
  if (!inBody) return null;
  if (!body.client_id || !body.client_secret) throw new OAuthError('invalid_client', 'client_id and client_secret are both required');
  return { clientId: body.client_id, clientSecret: body.client_secret, method: 'client_secret_post' };
}
