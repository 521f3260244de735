import { Type } from '@fastify/type-provider-typebox';

export const TAG = 'Authentication';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** What the admin console needs to start its sign-in (plain JSON, no envelope). */
export const AuthConfig = Type.Object(
  {
    issuer: Type.String({ description: 'The platform issuer the console signs in with (OpenID discovery under it).' }),
    client_id: Type.String({ description: "The console's OAuth client (public, PKCE S256)." }),
    scopes: Type.Array(Type.String(), { description: 'Scopes to ask for.' }),
    logout_url: Type.String({ description: 'RP-initiated logout endpoint.' }),
  },
  { $id: 'AuthConfig', title: 'AuthConfig' },
);

/** Who the bearer token belongs to (plain JSON). */
export const CurrentIdentity = Type.Object(
  {
    user_id: Nullable(Type.String()),
    tenant_id: Nullable(Type.String()),
    partner_id: Nullable(Type.String()),
    email: Nullable(Type.String()),
    display_name: Nullable(Type.String()),
    tenant_name: Nullable(Type.String()),
    partner_name: Nullable(Type.String()),
    roles: Type.Array(Type.String()),
    permissions: Type.Array(Type.String(), { description: "The token's effective scopes." }),
    client_id: Nullable(Type.String({ description: 'The OAuth client the token was issued to (a service token: the SERVICE application).' })),
  },
  { $id: 'CurrentIdentity', title: 'CurrentIdentity', description: 'A service token answers its client with null user fields.' },
);

/** The console's token request, forwarded server-side to the platform token endpoint. */
export const ConsoleTokenRequest = Type.Object(
  {
    grant_type: Type.Union([Type.Literal('authorization_code'), Type.Literal('refresh_token')]),
    code: Type.Optional(Type.String({ description: 'authorization_code: the code from the callback.' })),
    redirect_uri: Type.Optional(Type.String({ description: 'authorization_code: the redirect URI of the authorization request.' })),
    code_verifier: Type.Optional(Type.String({ description: 'authorization_code: the PKCE verifier.' })),
    refresh_token: Type.Optional(Type.String({ description: 'refresh_token: the current refresh token (rotated on use).' })),
  },
  { $id: 'ConsoleTokenRequest', title: 'ConsoleTokenRequest' },
);

/** RFC 6749 §5.1, as the token endpoint answered it. */
export const TokenResponse = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.String(),
    expires_in: Type.Optional(Type.Integer()),
    refresh_token: Type.Optional(Type.String()),
    id_token: Type.Optional(Type.String()),
    scope: Type.Optional(Type.String()),
  },
  { $id: 'TokenResponse', title: 'TokenResponse', additionalProperties: true },
);

/** RFC 6749 §5.2, as the token endpoint answered it. */
export const OAuthError = Type.Object(
  { error: Type.String(), error_description: Type.Optional(Type.String()) },
  { $id: 'OAuthError', title: 'OAuthError', additionalProperties: true },
);

export const authenticationSchemas = [AuthConfig, CurrentIdentity, ConsoleTokenRequest, TokenResponse, OAuthError];
