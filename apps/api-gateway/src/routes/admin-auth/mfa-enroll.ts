import { requestIdOf } from '@scai/http';
import { ErrorEnvelope, HTTPValidationError } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { MfaEnrollRequest, TotpEnrollment } from './mfa-schemas.ts';
import { TAG } from './schemas.ts';

export const mfaEnroll: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/mfa/enroll',
    {
      schema: {
        tags: [TAG],
        summary: 'Begin Required TOTP Enrollment',
        description:
          'For a login that answered `mfa_enrollment_required` (MFA is required of this admin but not set up): the enrollment token (`mfa_token`) starts TOTP enrollment, like `POST /admin/auth/mfa/totp` does for a signed-in user.',
        body: ref(MfaEnrollRequest),
        response: { 200: ref(TotpEnrollment), 401: ref(ErrorEnvelope), 409: ref(ErrorEnvelope), 422: ref(HTTPValidationError) },
      },
      config: { auth: 'public', reach: 'self' },
    },
    async (request) => {
      const result = await clients.mfa.beginTotpEnrollment(
        { enrollmentToken: request.body.enrollment_token },
        { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { otpauth_uri: result.otpauthUri, secret: result.secret };
    },
  );
};
