import type { auth } from '@scai/proto';
import { userJson } from './user-json.ts';

/** A completed sign-in as the seed's LoginResponse. */
export function loginJson(login: auth.v1.LoginResponse | undefined) {
  if (!login) throw new Error('auth service answered without the sign-in');
  return { access_token: login.accessToken, refresh_token: login.refreshToken, user: userJson(login.user) };
}

/** Login's answer when a second factor is due (schema MfaChallenge). */
export function mfaChallengeJson(login: auth.v1.LoginResponse) {
  return { mfa_required: true as const, mfa_token: login.mfaToken ?? '', mfa_enrollment_required: login.mfaEnrollmentRequired === true };
}
