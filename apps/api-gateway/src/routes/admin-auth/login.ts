import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { LoginRequest, LoginResponse, TAG } from './schemas.ts';
import { userJson } from './user-json.ts';

export const login: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/login',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin Login',
        description: 'Login to the admin panel.',
        body: ref(LoginRequest),
        response: { 200: ref(LoginResponse), 401: ref(ErrorEnvelope), 403: ref(ErrorEnvelope), 422: ref(HTTPValidationError), 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'public' },
    },
    async (request) => {
      const result = await clients.adminAuth.login(
        { email: request.body.email, password: request.body.password, ...clientOf(request) },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { access_token: result.accessToken, refresh_token: result.refreshToken, user: userJson(result.user) };
    },
  );
};
