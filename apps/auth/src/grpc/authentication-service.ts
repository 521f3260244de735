import { notFound } from '@scai/api';
import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { auth } from '@scai/proto';
import type { AuthConfig } from '../config.ts';
import { consoleClient } from '../oidc/console-client.ts';
import type { Db } from '../store/prisma.ts';
import { findUserById, userView } from '../store/users.ts';
import { toProtoUser } from './mappers.ts';

/**
 * `auth.v1.AuthenticationService`: the console's client (public) and the user behind any
 * authenticated caller (the admin-only `AdminAuthService.Me` answers admins only).
 */
export function authenticationService(deps: { db: Db; config: AuthConfig; now: () => Date }): ImplementationOf<typeof auth.v1.AuthenticationServiceService> {
  return {
    getConsoleClient: unary(async () => {
      const client = consoleClient(deps.config);
      return { issuer: client.issuer, clientId: client.clientId, scopes: client.scopes, logoutUrl: client.logoutUrl, redirectUris: client.redirectUris };
    }),
    getCurrentUser: unary(async (_request, context) => {
      const caller = requireCaller(context);
      const user = caller.kind === 'user' ? await findUserById(deps.db, caller.subject) : null;
      if (!user) throw notFound('User');
      return { user: toProtoUser(userView(user, deps.now())) };
    }),
  };
}
