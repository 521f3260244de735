import type { AppScope } from '@scai/permissions';
import { grantedScopes } from '../domain/application-rules.ts';
import { serviceAccessClaims } from '../domain/claims.ts';
import { keyedHash, keyedHashMatches } from '../domain/secret-hash.ts';
import { findApplication } from '../store/applications.ts';
import type { AuthDeps } from './deps.ts';

/** An RFC 6749 §5.2 error: the token endpoint answers `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** The `client_credentials` grant for SERVICE applications (RFC 6749 §4.4). */
export class ClientCredentials {
  /** Compared against when the client id is unknown, so both paths do the same work. */
  private readonly dummyHash: string;

  constructor(private readonly deps: AuthDeps) {
    this.dummyHash = keyedHash(deps.secrets.tokenPepper, 'unknown-client');
  }

  async issue(input: { clientId: string; clientSecret: string; scope?: string }): Promise<TokenResponse> {
    const app = await findApplication(this.deps.db, input.clientId);
    const usable = app !== null && app.clientId === input.clientId && app.status === 'ACTIVE' && app.clientSecretHash !== null;
    const secretOk = keyedHashMatches(this.deps.secrets.tokenPepper, input.clientSecret, usable ? app.clientSecretHash! : this.dummyHash);
    if (!usable || !secretOk) throw new OAuthError('invalid_client', 'Client authentication failed');
    if (app.applicationType !== 'SERVICE' || !app.grantTypes.includes('client_credentials')) {
      throw new OAuthError('unauthorized_client', 'This client may not use the client_credentials grant');
    }
    const scopes = grantedScopes(input.scope, app.allowedScopes);
    if (!scopes) throw new OAuthError('invalid_scope', 'The requested scope exceeds the scopes allowed for this client');

    const claims = serviceAccessClaims({
      publicUrl: this.deps.config.PUBLIC_URL,
      now: this.deps.now(),
      ttlSeconds: app.tokenLifetime,
      clientId: app.clientId,
      appScope: app.scope as AppScope,
      tenantId: app.tenantId,
      partnerId: app.partnerId,
      grantedScopes: scopes,
    });
    return { access_token: await this.deps.keys.sign(claims), token_type: 'Bearer', expires_in: app.tokenLifetime, scope: scopes.join(' ') };
  }
}
