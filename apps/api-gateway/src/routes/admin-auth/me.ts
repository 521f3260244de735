import { requestIdOf } from '@scai/http';
import { callerOf } from '../../auth/authenticate.ts';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { AdminUser, TAG } from './schemas.ts';
import { userJson } from './user-json.ts';

export const me: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/auth/me',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin Me',
        description: 'Get current admin user info from token.',
        headers: AuthorizationHeader,
        response: { 200: AdminUser, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: 'self' },
    },
    async (request) => {
      const { user } = await clients.adminAuth.me({}, { caller: callerOf(request), requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS });
      return userJson(user);
    },
  );
};
