import { Type } from '@fastify/type-provider-typebox';
import { requestIdOf } from '@scai/http';
import { callerOf } from '../../auth/authenticate.ts';
import { AuthorizationHeader, errorResponses, ErrorEnvelope } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { TotpDisableRequest } from './mfa-schemas.ts';
import { TAG } from './schemas.ts';

export const mfaTotpDisable: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/auth/mfa/totp',
    {
      schema: {
        tags: [TAG],
        summary: 'Disable TOTP',
        description:
          'Turns TOTP off for the signed-in user, with a current code or a recovery code; its recovery codes go with it. Where MFA is required, the next login asks to enroll again.',
        headers: AuthorizationHeader,
        body: ref(TotpDisableRequest),
        response: { 200: Type.Object({ disabled: Type.Boolean() }), ...errorResponses, 429: ref(ErrorEnvelope) },
      },
      config: { auth: 'authenticated', reach: 'self' },
    },
    async (request) => {
      const result = await clients.mfa.disableTotp(
        { code: request.body.code, recoveryCode: request.body.recovery_code },
        { caller: callerOf(request), requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS },
      );
      return { disabled: result.disabled };
    },
  );
};
