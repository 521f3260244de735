import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { loginJson } from './mfa-login-json.ts';
import { MfaEnrollConfirmRequest, MfaEnrollConfirmResponse } from './mfa-schemas.ts';
import { TAG } from './schemas.ts';

export const mfaEnrollConfirm: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/mfa/enroll/confirm',
    {
      schema: {
        tags: [TAG],
        summary: 'Confirm Required TOTP Enrollment',
        description:
          'Turns TOTP on with the enrollment token and a first code, and completes the login it held back: the tokens and user of LoginResponse plus 10 single-use recovery codes, shown once. The enrollment token is spent.',
        body: ref(MfaEnrollConfirmRequest),
        response: { 200: ref(MfaEnrollConfirmResponse), 401: ref(ErrorEnvelope), 403: ref(ErrorEnvelope), 422: ref(HTTPValidationError), 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'public', reach: 'self' },
    },
    async (request) => {
      const result = await clients.mfa.confirmTotpEnrollment(
        { enrollmentToken: request.body.enrollment_token, code: request.body.code, ...clientOf(request) },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { ...loginJson(result.login), recovery_codes: result.recoveryCodes };
    },
  );
};
