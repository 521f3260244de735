import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { loginJson } from './mfa-login-json.ts';
import { MfaVerifyRequest } from './mfa-schemas.ts';
import { LoginResponse, TAG } from './schemas.ts';

export const mfaVerify: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/mfa/verify',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin MFA Verify',
        description:
          'Second step of an admin login that answered `mfa_required`: the `mfa_token` with a current TOTP code or one recovery code issues the tokens. Wrong codes count as failed logins of the account (429 with Retry-After once throttled).',
        body: ref(MfaVerifyRequest),
        response: { 200: ref(LoginResponse), 401: ref(ErrorEnvelope), 403: ref(ErrorEnvelope), 422: ref(HTTPValidationError), 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'self' },
    },
    async (request) => {
      const { login } = await clients.mfa.verifyMfa(
        { mfaToken: request.body.mfa_token, code: request.body.code, recoveryCode: request.body.recovery_code, ...clientOf(request) },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return loginJson(login);
    },
  );
};
