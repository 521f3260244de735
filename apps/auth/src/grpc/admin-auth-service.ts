import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { auth } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { AdminAuth } from '../services/admin-auth.ts';
import { toProtoLogin } from '../mfa/mfa-grpc.ts';
import { toProtoUser } from './mappers.ts';
import { requireFields } from './required.ts';

export function adminAuthService(adminAuth: AdminAuth): ImplementationOf<typeof auth.v1.AdminAuthServiceService> {
  return {
    login: unary(async (request, context) => {
      requireFields({ email: request.email, password: request.password });
      const result = await adminAuth.login(request, auditOf(context.caller, context.requestId, request.clientIp || null, request.userAgent || null));
      if (result.mfaRequired) {
        // The second factor is due (src/mfa/): no tokens, only the challenge.
        const { mfaToken, mfaEnrollmentRequired } = result;
        return { accessToken: '', refreshToken: '', tokenType: '', expiresIn: 0, sessionId: '', mfaRequired: true, mfaToken, mfaEnrollmentRequired };
      }
      return toProtoLogin(result);
    }),
    refresh: unary(async (request, context) => {
      requireFields({ refresh_token: request.refreshToken });
      const result = await adminAuth.refresh(request, auditOf(context.caller, context.requestId, request.clientIp || null, request.userAgent || null));
      return { accessToken: result.accessToken, refreshToken: result.refreshToken, tokenType: 'Bearer', expiresIn: result.expiresIn };
    }),
    logout: unary(async (request, context) => {
      return adminAuth.logout(
        { refreshToken: request.refreshToken || undefined, accessToken: request.accessToken || undefined },
        auditOf(context.caller, context.requestId, request.clientIp || null),
      );
    }),
    me: unary(async (_request, context) => ({ user: toProtoUser(await adminAuth.me(requireCaller(context))) })),
  };
}
