import { OIDC_SCOPES, SCOPES } from '@scai/permissions';
import { platformIssuer } from '../domain/claims.ts';
import { SIGNING_ALG } from '../keys/signing-keys.ts';

/** Where the platform's OAuth endpoints live under the public origin. */
export const PLATFORM_OAUTH_PREFIX = '/api/v1/platform/oauth';
export const JWKS_PATH = '/api/v1/platform/.well-known/jwks.json';

/**
 * The platform issuer's discovery document (OpenID Connect Discovery 1.0 / RFC 8414).
 * It lists what this server does today: the client_credentials grant. The authorization
 * code flow joins it when the full OIDC provider replaces this module.
 */
export function discoveryDocument(publicUrl: string) {
  const issuer = platformIssuer(publicUrl);
  return {
    issuer,
    jwks_uri: `${publicUrl}${JWKS_PATH}`,
    token_endpoint: `${issuer}/token`,
    grant_types_supported: ['client_credentials'],
    response_types_supported: [] as string[],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    token_endpoint_auth_signing_alg_values_supported: [SIGNING_ALG],
    subject_types_supported: ['public'],
    scopes_supported: [...OIDC_SCOPES, ...SCOPES],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'client_id', 'scope', 'tenant_id', 'partner_id', 'roles', 'permissions', 'email', 'token_type', 'app_scope', 'sid'],
  };
}
