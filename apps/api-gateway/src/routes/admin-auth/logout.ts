import { requestIdOf } from '@scai/http';
import { ErrorEnvelope } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { LogoutResponse, TAG } from './schemas.ts';

function bearerOf(authorization: string | undefined): string | undefined {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** The seed declares no body; a client may still send `{ "refresh_token": … }` to end that session. */
function refreshTokenOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'refresh_token' in body && typeof body.refresh_token === 'string' && body.refresh_token) {
    return body.refresh_token;
  }
  return undefined;
}

export const logout: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/logout',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin Logout',
        description: 'Logout from admin panel.',
        response: { 200: LogoutResponse, 401: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'self', acceptsBearer: true },
    },
    async (request) => {
      // The auth service verifies the access token itself (an expired one may still end its session).
      await clients.adminAuth.logout(
        { refreshToken: refreshTokenOf(request.body), accessToken: bearerOf(request.headers.authorization), clientIp: clientOf(request).clientIp },
        { caller: request.caller, requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { message: 'Logged out' };
    },
  );
};
