import { requestIdOf } from '@scai/http';
import { callerOf } from '../../auth/authenticate.ts';
import { AuthorizationHeader, errorResponses, ErrorEnvelope } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { TotpEnrollment } from './mfa-schemas.ts';
import { TAG } from './schemas.ts';

export const mfaTotpBegin: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/mfa/totp',
    {
      schema: {
        tags: [TAG],
        summary: 'Begin TOTP Enrollment',
        description:
          'Starts TOTP enrollment for the signed-in user: a new secret as an otpauth URI (QR code) and in base32, shown once. Nothing changes until it is confirmed; 409 while TOTP is already on.',
        headers: AuthorizationHeader,
        response: { 200: ref(TotpEnrollment), ...errorResponses, 409: ref(ErrorEnvelope) },
      },
      config: { auth: 'authenticated', reach: 'self' },
    },
    async (request) => {
      const result = await clients.mfa.beginTotpEnrollment({}, { caller: callerOf(request), requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS });
      return { otpauth_uri: result.otpauthUri, secret: result.secret };
    },
  );
};
