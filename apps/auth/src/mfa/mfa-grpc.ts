import { unauthorized } from '@scai/api';
import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { auth } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import { toProtoUser } from '../grpc/mappers.ts';
import { requireFields } from '../grpc/required.ts';
import type { TokenPair } from '../services/admin-auth.ts';
import type { UserView } from '../store/users.ts';
import type { AdminMfa, EnrollmentSubject } from './admin-mfa.ts';

/** Tokens of a completed sign-in as `LoginResponse`. */
export function toProtoLogin(result: TokenPair & { user: UserView }): auth.v1.LoginResponse {
  return {
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    tokenType: 'Bearer',
    expiresIn: result.expiresIn,
    sessionId: result.sessionId,
    user: toProtoUser(result.user),
    mfaRequired: false,
    mfaToken: '',
    mfaEnrollmentRequired: false,
  };
}

/** The signed-in caller, or else the enrollment token (Login's `mfa_enrollment_required`). */
function subjectOf(caller: EnrollmentSubject | null, enrollmentToken: string | undefined): EnrollmentSubject {
  if (enrollmentToken) return { enrollmentToken };
  if (caller) return caller;
  throw unauthorized();
}

export function mfaService(adminMfa: AdminMfa): ImplementationOf<typeof auth.v1.MfaServiceService> {
  return {
    beginTotpEnrollment: unary(async (request, context) => {
      const subject = subjectOf(context.caller ? { caller: context.caller } : null, request.enrollmentToken);
      return adminMfa.beginEnrollment(subject).then(({ otpauthUri, secret }) => ({ otpauthUri, secret }));
    }),
    confirmTotpEnrollment: unary(async (request, context) => {
      requireFields({ code: request.code });
      const subject = subjectOf(context.caller ? { caller: context.caller } : null, request.enrollmentToken);
      const audit = auditOf(context.caller, context.requestId, request.clientIp || null, request.userAgent || null);
      const result = await adminMfa.confirmEnrollment(subject, request.code, { clientIp: request.clientIp, userAgent: request.userAgent }, audit);
      return { recoveryCodes: result.recoveryCodes, login: result.login ? toProtoLogin(result.login) : undefined };
    }),
    disableTotp: unary(async (request, context) => {
      await adminMfa.disable(requireCaller(context), { code: request.code, recoveryCode: request.recoveryCode }, auditOf(context.caller, context.requestId));
      return { disabled: true };
    }),
    verifyMfa: unary(async (request, context) => {
      requireFields({ mfa_token: request.mfaToken });
      const audit = auditOf(context.caller, context.requestId, request.clientIp || null, request.userAgent || null);
      const result = await adminMfa.verify(
        request.mfaToken,
        { code: request.code, recoveryCode: request.recoveryCode },
        { clientIp: request.clientIp, userAgent: request.userAgent },
        audit,
      );
      return { login: toProtoLogin(result) };
    }),
  };
}
