import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { RefreshRequest, RefreshResponse, TAG } from './schemas.ts';

export const refresh: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/refresh',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin Refresh',
        description: 'Refresh access token.',
        body: ref(RefreshRequest),
        response: { 200: ref(RefreshResponse), 401: ref(ErrorEnvelope), 422: ref(HTTPValidationError) },
      },
      config: { auth: 'public', reach: 'self' },
    },
    async (request) => {
      const result = await clients.adminAuth.refresh(
        { refreshToken: request.body.refresh_token, ...clientOf(request) },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { access_token: result.accessToken, refresh_token: result.refreshToken };
    },
  );
};
