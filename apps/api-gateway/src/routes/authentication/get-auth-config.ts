import { requestIdOf } from '@scai/http';
import { ErrorEnvelope } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { AuthConfig, TAG } from './schemas.ts';

export const getAuthConfig: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/auth/config',
    {
      schema: {
        tags: [TAG],
        summary: 'Auth Config',
        description: "The admin console's sign-in settings: the platform issuer, the console's client id, the scopes to ask for and the logout URL.",
        response: { 200: ref(AuthConfig), 503: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'none' },
    },
    async (request) => {
      const client = await clients.authentication.getConsoleClient({}, { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS });
      return { issuer: client.issuer, client_id: client.clientId, scopes: client.scopes, logout_url: client.logoutUrl };
    },
  );
};
