import { randomUUID } from 'node:crypto';
import Provider, { errors, type Account, type Client, type Configuration, type JWK as ProviderJwk, type KoaContextWithOIDC, type TokenEndpointGrantContext } from 'oidc-provider';
import type { JWK } from 'jose';
import { errorEnvelope, notFound } from '@scai/api';
import { OIDC_SCOPES, SCOPES, type AppScope } from '@scai/permissions';
import { DEFAULT_TOKEN_LIFETIME } from '../domain/application-rules.ts';
import { apiAudience } from '../domain/claims.ts';
import { clientSecretMatches } from '../domain/secret-hash.ts';
import type { SigningAlg } from '../keys/signing-keys.ts';
import { findApplication } from '../store/applications.ts';
import type { Db } from '../store/prisma.ts';
import { findUserById, userView, type UserWithRoles } from '../store/users.ts';
import { apiScopesOf, clientMetadata, EXTRA_CLIENT_METADATA } from './client-metadata.ts';
import { brandName, type IssuerInfo, type IssuerOwner, PLATFORM_JWKS_PATH } from './issuer.ts';
import { escapeHtml, messagePage, page } from './pages.ts';
import { jwtAccessTokenSupport, storeJwtAccessToken } from './jwt-access-tokens.ts';
import { payloadAdapter, type AccessTokensRevoked } from './payload-adapter.ts';
import { scopeList, serviceTokenClaims, userTokenClaims } from './token-claims.ts';

export interface ProviderSettings {
  info: IssuerInfo;
  publicUrl: string;
  db: Db;
  /** The active signing key (private JWK, with the algorithm it was created for): signs ID tokens and JWT access tokens. */
  signingKey: { kid: string; alg: SigningAlg; jwk: JWK };
  /** Every published public key (next, active, retired): what the JWKS endpoints answer. */
  publishedKeys: () => Promise<{ keys: JWK[] }>;
  /** Signs the provider's cookies; the same on every instance. */
  cookieKeys: string[];
  tokenPepper: string;
  refreshTokenTtlSeconds: number;
  now: () => Date;
  onServerError: (error: unknown) => void;
  /** Access tokens removed by a revocation, inside its transaction (the gateway learns of them through the outbox). */
  onAccessTokensRevoked?: AccessTokensRevoked;
  /**
   * Whether a tenant is active. A tenant issuer, and with it its tenant's applications,
   * exists only while the tenant is active (provider-registry.ts); on the platform issuer a
   * tenant's user is an account only while the tenant is, so sign-in, userinfo and
   * introspection refuse the users of a suspended tenant.
   */
  tenantIsActive: (tenantId: string) => Promise<boolean>;
}

/** A person may use an issuer when active and, on a tenant issuer, a user of that tenant. */
export function mayUseIssuer(user: Pick<UserWithRoles, 'status' | 'tenantId'>, owner: IssuerOwner): boolean {
  if (user.status !== 'ACTIVE') return false;
  return owner.kind === 'platform' || user.tenantId === owner.tenant.id;
}

/** The extra metadata this app puts on each client (client-metadata.ts); the provider keeps such keys as they are. */
interface PlatformClient {
  allowed_origins?: string[];
  app_scope?: AppScope;
  tenant_id?: string | null;
  partner_id?: string | null;
  token_lifetime?: number;
  previous_secret_hash?: string;
  previous_secret_expires_at?: number;
}

function extras(client: Client | undefined): PlatformClient {
  return (client ?? {}) as PlatformClient;
}

function lifetimeOf(client: Client | undefined): number {
  return extras(client).token_lifetime ?? DEFAULT_TOKEN_LIFETIME;
}

/**
 * oidc-provider wired to this app: one instance per issuer (provider-registry.ts). The
 * library does the protocol (OpenID Certified); this class only changes what it cannot
 * be configured for: a `client_credentials` request without `scope` gets the scopes the
 * application was approved for (RFC 6749 §3.3 default), as the token endpoint always did.
 */
class PlatformProvider extends Provider {
  override registerGrantType<Params extends object>(
    name: string,
    handler: (ctx: TokenEndpointGrantContext<Params>) => void | Promise<void>,
    params?: string | readonly string[] | ReadonlySet<string>,
    duplicates?: string | readonly string[] | ReadonlySet<string>,
  ): void {
    if (name !== 'client_credentials') return super.registerGrantType(name, handler, params, duplicates);
    super.registerGrantType<Params>(
      name,
      (ctx) => {
        if (!ctx.oidc.params.scope) ctx.oidc.params.scope = apiScopesOf(scopeList(ctx.oidc.client.scope)).join(' ') || undefined;
        return handler(ctx);
      },
      params,
      duplicates,
    );
  }
}

export function createProvider(settings: ProviderSettings): Provider {
  const { info, db, publicUrl } = settings;
  const { owner, mountPath, routePrefix } = info;
  const audience = apiAudience(publicUrl);
  const secure = new URL(publicUrl).protocol === 'https:';
  const brand = brandName(owner);

  const findAccount = async (_ctx: KoaContextWithOIDC, sub: string): Promise<Account | undefined> => {
    const user = await findUserById(db, sub);
    if (!user || !mayUseIssuer(user, owner)) return undefined;
    if (owner.kind === 'platform' && user.tenantId && !(await settings.tenantIsActive(user.tenantId))) return undefined;
    return {
      accountId: user.id,
      claims: () => ({ sub: user.id, email: user.email, name: user.displayName, updated_at: Math.floor(user.updatedAt.getTime() / 1000) }),
    };
  };

  const allowsOrigin = (_ctx: unknown, origin: string, client: Client) => (extras(client).allowed_origins ?? []).includes(origin);

  const configuration: Configuration = {
    adapter: payloadAdapter({
      db,
      issuer: info.issuer,
      now: settings.now,
      onAccessTokensRevoked: settings.onAccessTokensRevoked,
      clients: async (clientId) => {
        const app = await findApplication(db, clientId);
        return app && app.clientId === clientId ? clientMetadata(app, owner, settings.signingKey.alg) : undefined;
      },
    }),
    jwks: { keys: [settings.signingKey.jwk as ProviderJwk] },
    findAccount,
    routes: {
      authorization: `${routePrefix}/authorize`,
      token: `${routePrefix}/token`,
      revocation: `${routePrefix}/revoke`,
      introspection: `${routePrefix}/introspect`,
      userinfo: `${routePrefix}/userinfo`,
      end_session: `${routePrefix}/logout`,
      jwks: owner.kind === 'tenant' ? '/.well-known/jwks.json' : '/jwks',
    },
    scopes: [...OIDC_SCOPES, ...SCOPES],
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'updated_at'] },
    responseTypes: ['code'],
    subjectTypes: ['public'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    clientDefaults: { grant_types: ['authorization_code'], response_types: ['code'], id_token_signed_response_alg: settings.signingKey.alg, token_endpoint_auth_method: 'client_secret_basic' },
    extraClientMetadata: { properties: [...EXTRA_CLIENT_METADATA] },
    clientBasedCORS: allowsOrigin,
    // OAuth 2.1: PKCE (S256, the only method the library offers) for every client.
    pkce: { required: () => true },
    allowOmittingSingleRegisteredRedirectUri: false,
    cookies: {
      keys: settings.cookieKeys,
      // The session cookie is scoped to its issuer: every issuer shares the public origin.
      long: { httpOnly: true, sameSite: 'lax', secure, path: mountPath },
      short: { httpOnly: true, sameSite: 'lax', secure },
    },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      introspection: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page('Sign out', brand, `<p>Do you want to sign out?</p>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage('Signed out', brand, 'You are signed out.');
        },
      },
      resourceIndicators: {
        enabled: true,
        // The API is the one resource server; a client that names no resource asks for it.
        defaultResource: (_ctx, _client, oneOf) => (oneOf?.length ? oneOf[0] : audience),
        // A client that names no resource (openid-client's defaults, SPA libraries) gets
        // the API's JWT too, granted at authorization by `defaultResource`; userinfo,
        // introspection and revocation accept it (jwt-access-tokens.ts).
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator, client) => {
          if (indicator !== audience) throw new errors.InvalidTarget('unknown resource indicator');
          return {
            // The OpenID scopes too (refresh tokens aside): userinfo reads `openid` off this token.
            scope: [...OIDC_SCOPES.filter((scope) => scope !== 'offline_access' && scopeList(client.scope).includes(scope)), ...apiScopesOf(scopeList(client.scope))].join(' '),
            audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: lifetimeOf(client),
            jwt: { sign: { alg: settings.signingKey.alg, kid: settings.signingKey.kid } },
          };
        },
      },
    },
    formats: {
      customizers: {
        // docs/contracts.md lists `nbf`; the provider does not set it. The token's row is
        // written here, while the token is issued, so it can be introspected at once.
        jwt: async (_ctx, token, jwt) => {
          jwt.payload.nbf = jwt.payload.iat;
          await storeJwtAccessToken(token, jwt.payload.exp as number);
        },
      },
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind === 'ClientCredentials') {
        const client = extras(token.client);
        return { ...serviceTokenClaims({ appScope: client.app_scope ?? 'GLOBAL', tenantId: client.tenant_id ?? null, partnerId: client.partner_id ?? null }, scopeList(token.scope)) };
      }
      if (!token.accountId) return undefined;
      const user = await findUserById(db, token.accountId);
      return user ? { ...userTokenClaims(userView(user, settings.now()), scopeList(token.scope)) } : undefined;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Every use spends the refresh token; presenting a spent one revokes the grant.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: (_ctx, _token, client) => lifetimeOf(client),
      ClientCredentials: (_ctx, _token, client) => lifetimeOf(client),
      IdToken: (_ctx, _token, client) => lifetimeOf(client),
      AuthorizationCode: 60,
      RefreshToken: settings.refreshTokenTtlSeconds,
      Grant: settings.refreshTokenTtlSeconds,
      Session: settings.refreshTokenTtlSeconds,
      Interaction: 600,
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      const message = [out.error, out.error_description].filter(Boolean).join(': ');
      ctx.body = page('Something went wrong', brand, `<p>${escapeHtml(message)}</p>`);
    },
  };

  const provider = new PlatformProvider(info.issuer, configuration);
  // Behind the gateway: the HTTP layer sets X-Forwarded-Host/Proto from PUBLIC_URL.
  provider.proxy = true;

  // Client secrets are stored as a keyed hash, never in clear: the metadata's
  // `client_secret` holds that hash and the documented extension point compares with it.
  // After a rotation the previous secret's hash is accepted too, until its grace ends.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: Client, actual: string): boolean {
    const { previous_secret_hash: previousHash, previous_secret_expires_at: previousUntil } = extras(this);
    return clientSecretMatches(settings.tokenPepper, actual, {
      current: typeof this.clientSecret === 'string' ? this.clientSecret : null,
      previous: typeof previousHash === 'string' && typeof previousUntil === 'number' ? { hash: previousHash, expiresAt: previousUntil * 1000 } : null,
      now: settings.now().getTime(),
    });
  };

  const claimsOfScope = configuration.claims as Record<string, string[]>;
  const routes = configuration.routes as { introspection: string; revocation: string; userinfo: string };
  provider.use(jwtAccessTokenSupport({ issuer: info.issuer, audience, routes, publishedKeys: settings.publishedKeys, findAccount, claimsOfScope, allowsOrigin })(provider));

  provider.use(async (ctx, next) => {
    await next();
    const route = (ctx as KoaContextWithOIDC).oidc?.route;
    if (route === 'discovery' && ctx.body && typeof ctx.body === 'object') {
      const body = ctx.body as Record<string, unknown>;
      if (owner.kind === 'platform') body.jwks_uri = `${publicUrl}${PLATFORM_JWKS_PATH}`;
      body.claims_supported = [...new Set([...((body.claims_supported as string[]) ?? []), 'client_id', 'scope', 'tenant_id', 'partner_id', 'roles', 'permissions', 'token_type', 'app_scope'])];
    } else if (route === 'jwks' && ctx.status === 200) {
      // Every published key, the next and the retired ones included (the provider knows only the active one).
      ctx.body = await settings.publishedKeys();
    } else if (!route && ctx.status === 404) {
      // A path under the issuer that is no endpoint: the API's answer for unknown routes.
      const { status, body } = errorEnvelope(notFound('Route'), ctx.get('x-request-id') || randomUUID());
      ctx.status = status;
      ctx.body = body;
    }
  });
  provider.on('server_error', (_ctx: unknown, error: unknown) => settings.onServerError(error));
  return provider;
}
