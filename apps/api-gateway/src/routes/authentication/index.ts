import type { RouteGroup } from '../types.ts';
import { exchangeToken } from './exchange-token.ts';
import { getAuthConfig } from './get-auth-config.ts';
import { getAuthMe } from './get-auth-me.ts';
import { authenticationSchemas, TAG } from './schemas.ts';

/** The admin console's sign-in (OAuth code + PKCE on the platform issuer) and the current identity. */
export const authenticationGroup: RouteGroup = {
  tag: TAG,
  description:
    "Sign-in for the admin console: its OAuth settings, the server-side token exchange for its client, and who the bearer token belongs to. Plain JSON answers (errors in the envelope, except the token endpoint's own OAuth errors).",
  schemas: authenticationSchemas,
  routes: [getAuthConfig, getAuthMe, exchangeToken],
};
