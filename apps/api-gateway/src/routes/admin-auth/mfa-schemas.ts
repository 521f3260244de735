import { Type } from '@fastify/type-provider-typebox';
import { AdminUser } from './schemas.ts';

/**
 * Login's answer when a second factor is due (HTTP 200 instead of the seed's
 * LoginResponse): no tokens; `mfa_token` goes to `POST /admin/auth/mfa/verify`, or, with
 * `mfa_enrollment_required`, to `POST /admin/auth/mfa/enroll` and `…/enroll/confirm`.
 */
export const MfaChallenge = Type.Object(
  {
    mfa_required: Type.Literal(true),
    mfa_token: Type.String({ description: 'Opaque, single use, valid 5 minutes.' }),
    mfa_enrollment_required: Type.Boolean({ description: 'MFA is required but not set up yet: the token is an enrollment token.' }),
  },
  { $id: 'MfaChallenge', title: 'MfaChallenge', description: 'The answer of Admin Login when a second factor is due.' },
);

export const MfaVerifyRequest = Type.Object(
  {
    mfa_token: Type.String({ minLength: 1 }),
    code: Type.Optional(Type.String({ description: 'A current 6-digit code of the authenticator app.' })),
    recovery_code: Type.Optional(Type.String({ description: 'One of the recovery codes (spent by this call).' })),
  },
  { $id: 'MfaVerifyRequest', title: 'MfaVerifyRequest', description: 'Either `code` or `recovery_code`.' },
);

export const TotpEnrollment = Type.Object(
  {
    otpauth_uri: Type.String({ description: 'otpauth://totp/… for a QR code; shown once.' }),
    secret: Type.String({ description: 'The same secret in base32, to type in; shown once.' }),
  },
  { $id: 'TotpEnrollment', title: 'TotpEnrollment' },
);

export const TotpConfirmRequest = Type.Object({ code: Type.String({ minLength: 1 }) }, { $id: 'TotpConfirmRequest', title: 'TotpConfirmRequest' });

export const RecoveryCodes = Type.Object(
  { recovery_codes: Type.Array(Type.String(), { description: '10 single-use codes; shown once.' }) },
  { $id: 'RecoveryCodes', title: 'RecoveryCodes' },
);

export const TotpDisableRequest = Type.Object(
  { code: Type.Optional(Type.String()), recovery_code: Type.Optional(Type.String()) },
  { $id: 'TotpDisableRequest', title: 'TotpDisableRequest', description: 'Either `code` or `recovery_code`.' },
);

export const MfaEnrollRequest = Type.Object({ enrollment_token: Type.String({ minLength: 1 }) }, { $id: 'MfaEnrollRequest', title: 'MfaEnrollRequest' });

export const MfaEnrollConfirmRequest = Type.Object(
  { enrollment_token: Type.String({ minLength: 1 }), code: Type.String({ minLength: 1 }) },
  { $id: 'MfaEnrollConfirmRequest', title: 'MfaEnrollConfirmRequest' },
);

/** The held-back sign-in completed: the seed's LoginResponse fields and the recovery codes. */
export const MfaEnrollConfirmResponse = Type.Object(
  { access_token: Type.String(), refresh_token: Type.String(), user: AdminUser, recovery_codes: Type.Array(Type.String(), { description: '10 single-use codes; shown once.' }) },
  { $id: 'MfaEnrollConfirmResponse', title: 'MfaEnrollConfirmResponse' },
);

export const mfaSchemas = [
  MfaChallenge,
  MfaVerifyRequest,
  TotpEnrollment,
  TotpConfirmRequest,
  RecoveryCodes,
  TotpDisableRequest,
  MfaEnrollRequest,
  MfaEnrollConfirmRequest,
  MfaEnrollConfirmResponse,
];
