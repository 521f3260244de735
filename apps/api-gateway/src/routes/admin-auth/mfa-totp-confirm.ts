import { requestIdOf } from '@scai/http';
import { callerOf } from '../../auth/authenticate.ts';
import { AuthorizationHeader, errorResponses, ErrorEnvelope } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { clientOf } from './client-address.ts';
import { RecoveryCodes, TotpConfirmRequest } from './mfa-schemas.ts';
import { TAG } from './schemas.ts';

export const mfaTotpConfirm: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/auth/mfa/totp/confirm',
    {
      schema: {
        tags: [TAG],
        summary: 'Confirm TOTP Enrollment',
        description: 'Turns TOTP on with a first code from the authenticator app and answers 10 single-use recovery codes, shown once.',
        headers: AuthorizationHeader,
        body: ref(TotpConfirmRequest),
        response: { 200: ref(RecoveryCodes), ...errorResponses, 409: ref(ErrorEnvelope), 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'authenticated', reach: 'self' },
    },
    async (request) => {
      const result = await clients.mfa.confirmTotpEnrollment(
        { code: request.body.code, ...clientOf(request) },
        { caller: callerOf(request), requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { recovery_codes: result.recoveryCodes };
    },
  );
};
