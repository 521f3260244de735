import type { FastifyReply } from 'fastify';
import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { mfaChallengeJson } from './mfa-login-json.ts';
import { LoginRequest, LoginResponse, TAG } from './schemas.ts';
import { userJson } from './user-json.ts';

/**
 * The seed's description of the operation stays as it is; the MFA alternative is told on
 * the 200 response (schema MfaChallenge, listed with the group's schemas).
 */
const OK_DESCRIPTION =
  'LoginResponse with the tokens. When a second factor is due (the user has TOTP on, or MFA is required of admins or by the user\'s tenant), ' +
  'the same 200 answers `MfaChallenge` instead: `{ "mfa_required": true, "mfa_token": "…", "mfa_enrollment_required": false }` and no tokens; ' +
  'send the token with a code to `POST /api/v1/admin/auth/mfa/verify`, or, when `mfa_enrollment_required` is true, enroll first with ' +
  '`POST /api/v1/admin/auth/mfa/enroll` and `POST /api/v1/admin/auth/mfa/enroll/confirm`.';

export const login: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/login',
    {
      schema: {
        tags: [TAG],
        summary: 'Admin Login',
        description: 'Login to the admin panel.',
        body: ref(LoginRequest),
        response: { 200: { ...ref(LoginResponse), description: OK_DESCRIPTION }, 401: ref(ErrorEnvelope), 403: ref(ErrorEnvelope), 422: ref(HTTPValidationError), 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'none' },
    },
    async (request, reply) => {
      const result = await clients.adminAuth.login(
        { email: request.body.email, password: request.body.password, ...clientOf(request) },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      if (result.mfaRequired) {
        // Not the seed's LoginResponse (its serializer requires the tokens): the MfaChallenge body as it is.
        // (The typed reply only admits the declared bodies; this one is documented on the 200 response.)
        return (reply as unknown as FastifyReply).type('application/json; charset=utf-8').serializer(JSON.stringify).send(mfaChallengeJson(result));
      }
      return { access_token: result.accessToken, refresh_token: result.refreshToken, user: userJson(result.user) };
    },
  );
};
