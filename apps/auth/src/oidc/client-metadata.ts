import type { ClientMetadata } from 'oidc-provider';
import { OIDC_SCOPES } from '@scai/permissions';
import { DEFAULT_TOKEN_LIFETIME, isConfidential, type ApplicationType } from '../domain/application-rules.ts';
import type { SigningAlg } from '../keys/signing-keys.ts';
import type { ApplicationRow } from '../store/applications.ts';
import type { IssuerOwner } from './issuer.ts';

/** Client metadata this app adds to the registered fields (oidc-provider `extraClientMetadata`). */
export const EXTRA_CLIENT_METADATA = [
  'allowed_origins',
  'app_scope',
  'tenant_id',
  'partner_id',
  'token_lifetime',
  'previous_secret_hash',
  'previous_secret_expires_at',
] as const;

/** Grant types the provider implements; anything else an application lists is ignored. */
const PROVIDER_GRANTS = new Set(['authorization_code', 'refresh_token', 'client_credentials']);

/** Whether an application's clients are served by an issuer (domain.md "Applications"). */
export function servedBy(app: Pick<ApplicationRow, 'scope' | 'tenantId' | 'partnerId'>, owner: IssuerOwner): boolean {
  if (owner.kind === 'platform') return app.scope === 'GLOBAL';
  if (app.scope === 'TENANT') return app.tenantId === owner.tenant.id;
  if (app.scope === 'PARTNER') return app.partnerId === owner.tenant.partnerId;
  return false;
}

/** The API scopes of a scope list (the OIDC ones are about the user, not the API). */
export function apiScopesOf(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !(OIDC_SCOPES as readonly string[]).includes(scope));
}

/**
 * The oidc-provider client of an application, or undefined when the application cannot
 * act as an OAuth client on this issuer (other owner, not ACTIVE, SAML).
 *
 * - WEB and SERVICE are confidential: `client_secret` holds the stored keyed hash (the
 *   provider's `compareClientSecret` is replaced to check against it, see
 *   provider-config.ts), methods Basic or post.
 *   After a rotation `previous_secret_hash` is also accepted until
 *   `previous_secret_expires_at` (epoch seconds, checked at each comparison).
 * - SPA and NATIVE are public: `token_endpoint_auth_method: none`; PKCE is required for
 *   every client anyway.
 * - `redirect_uris` and `post_logout_redirect_uris` exactly as registered; without a
 *   redirect URI an application cannot use the authorization code grant.
 * - ID tokens are signed with `signingAlg`, the active key's algorithm.
 */
export function clientMetadata(app: ApplicationRow, owner: IssuerOwner, signingAlg: SigningAlg = 'RS256'): ClientMetadata | undefined {
  if (app.status !== 'ACTIVE' || app.applicationType === 'SAML_SP' || !servedBy(app, owner)) return undefined;
  const type = app.applicationType as ApplicationType;
  const confidential = isConfidential(type);
  if (confidential && !app.clientSecretHash) return undefined;

  let grantTypes = app.grantTypes.filter((grant) => PROVIDER_GRANTS.has(grant));
  if (!confidential) grantTypes = grantTypes.filter((grant) => grant !== 'client_credentials');
  if (type === 'SERVICE') grantTypes = grantTypes.filter((grant) => grant === 'client_credentials');
  const usesCode = grantTypes.includes('authorization_code') && app.redirectUris.length > 0;
  if (!usesCode) grantTypes = grantTypes.filter((grant) => grant !== 'authorization_code' && grant !== 'refresh_token');

  return {
    client_id: app.clientId,
    ...(confidential ? { client_secret: app.clientSecretHash!, token_endpoint_auth_method: 'client_secret_basic' } : { token_endpoint_auth_method: 'none' }),
    client_name: app.name,
    application_type: type === 'NATIVE' ? 'native' : 'web',
    grant_types: grantTypes,
    response_types: usesCode ? ['code'] : [],
    redirect_uris: usesCode ? [...app.redirectUris] : [],
    post_logout_redirect_uris: usesCode ? [...app.postLogoutRedirectUris] : [],
    scope: app.allowedScopes.join(' '),
    id_token_signed_response_alg: signingAlg,
    allowed_origins: [...app.allowedOrigins],
    app_scope: app.scope,
    tenant_id: app.tenantId,
    partner_id: app.partnerId,
    token_lifetime: app.tokenLifetime || DEFAULT_TOKEN_LIFETIME,
    ...(confidential && app.previousSecretHash && app.previousSecretExpiresAt
      ? { previous_secret_hash: app.previousSecretHash, previous_secret_expires_at: Math.floor(app.previousSecretExpiresAt.getTime() / 1000) }
      : {}),
  };
}
