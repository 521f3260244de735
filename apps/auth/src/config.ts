import { serviceSecret } from '@scai/secrets';
import { bool, int, loadConfig, oneOf, optionalStr, port, serviceSchema, str, url, type ConfigOf } from '@scai/config';

export const authSchema = {
  ...serviceSchema,
  DATABASE_URL: url('postgresql://postgres@127.0.0.1:5432/scai_auth', ['postgres', 'postgresql']),
  GRPC_PORT: port(50051),
  OPS_PORT: port(9101),
  AUTH_HTTP_HOST: str('127.0.0.1'),
  /** OAuth/OIDC endpoints and JWKS (proxied by the gateway under PUBLIC_URL). */
  AUTH_HTTP_PORT: port(8081),
  /** Public origin: base of the issuer, the audience and the discovery document's URLs. */
  PUBLIC_URL: url('http://127.0.0.1:8080', ['http', 'https']),
  /** The partners app: tenant issuers look their tenant up by slug. */
  PARTNERS_GRPC_URL: str('127.0.0.1:50052'),
  /** Pepper of the keyed hash of refresh tokens and client secrets. Required in production. */
  TOKEN_PEPPER: optionalStr({ secret: true }),
  /** 32 bytes, base64: encrypts private signing keys at rest. Required in production. */
  SIGNING_KEY_ENCRYPTION_KEY: optionalStr({ secret: true }),
  ADMIN_ACCESS_TOKEN_TTL_SECONDS: int(900, { min: 30, max: 86_400 }),
  /** Lifetime of each refresh token (sliding: every rotation starts a new one). */
  REFRESH_TOKEN_TTL_SECONDS: int(7 * 86_400, { min: 60, max: 90 * 86_400 }),
  LOGIN_THROTTLE_WINDOW_SECONDS: int(900, { min: 1, max: 86_400 }),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(5, { min: 1, max: 1000 }),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(20, { min: 1, max: 100_000 }),
  /** How long a new signing key is published in the JWKS before it may sign (JWKS caches). */
  SIGNING_KEY_PUBLISH_LEAD_SECONDS: int(600, { min: 0, max: 30 * 86_400 }),
  /**
   * Algorithm of new signing keys (ES256: P-256, EdDSA: Ed25519). A change takes effect
   * at the next rotation; the active key keeps its own until then.
   */
  SIGNING_KEY_ALG: oneOf(['RS256', 'ES256', 'EdDSA'] as const, 'RS256'),
  /**
   * Redirect URIs of the admin console's OAuth client (comma-separated, exact match);
   * unset: `{PUBLIC_URL}/console/callback`.
   */
  CONSOLE_REDIRECT_URIS: optionalStr(),
  /** Where the console may send the browser after sign-out (comma-separated); unset: `{PUBLIC_URL}/console/`. */
  CONSOLE_POST_LOGOUT_REDIRECT_URIS: optionalStr(),
  /** How long an invitation link to set a password stays valid (72 h). */
  INVITATION_TTL_SECONDS: int(72 * 3600, { min: 300, max: 30 * 86_400 }),
  /** `smtp://user:pass@host:587` or `smtps://…`: invitations are mailed; unset, they are logged. */
  SMTP_URL: optionalStr({ secret: true }),
  /** Sender of the platform's mail. */
  SMTP_FROM: str('SCAI Platform <no-reply@scai.invalid>'),
  /** After a client secret rotation the previous secret keeps working this long (0: it stops at once). */
  APPLICATION_SECRET_GRACE_SECONDS: int(86_400, { min: 0, max: 30 * 86_400 }),
  /** Every holder of an admin role must sign in with a second factor (TOTP), enrolling first if needed. */
  ADMIN_MFA_REQUIRED: bool(false),
};

export type AuthConfig = ConfigOf<typeof authSchema>;

/** The secrets the app runs with, after the development defaults were applied. */
export interface AuthSecrets {
  tokenPepper: string;
  signingKeyEncryptionKey: string;
}

/** Production requires both secrets; elsewhere `serviceSecret` derives development values. */
export function resolveSecrets(config: AuthConfig, warn: (message: string) => void = console.warn): AuthSecrets {
  const nodeEnv = config.NODE_ENV;
  return {
    tokenPepper: serviceSecret({ name: 'TOKEN_PEPPER', value: config.TOKEN_PEPPER, nodeEnv }, 'token-pepper', warn),
    signingKeyEncryptionKey: serviceSecret({ name: 'SIGNING_KEY_ENCRYPTION_KEY', value: config.SIGNING_KEY_ENCRYPTION_KEY, nodeEnv }, 'signing-key-encryption-key', warn, 'base64'),
  };
}

export function loadAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  return loadConfig(authSchema, env);
}
