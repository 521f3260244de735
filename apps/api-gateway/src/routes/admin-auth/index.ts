import type { RouteGroup } from '../types.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';
import { mfaEnroll } from './mfa-enroll.ts';
import { mfaEnrollConfirm } from './mfa-enroll-confirm.ts';
import { mfaSchemas } from './mfa-schemas.ts';
import { mfaTotpBegin } from './mfa-totp-begin.ts';
import { mfaTotpConfirm } from './mfa-totp-confirm.ts';
import { mfaTotpDisable } from './mfa-totp-disable.ts';
import { mfaVerify } from './mfa-verify.ts';
import { refresh } from './refresh.ts';
import { adminAuthSchemas, TAG } from './schemas.ts';

/** Seed 003: sign-in to the admin console, served by the auth app over gRPC. */
export const adminAuthGroup: RouteGroup = {
  tag: TAG,
  description: 'Sign-in to the admin console: login, token refresh (rotating), logout and the current admin.',
  schemas: [...adminAuthSchemas, ...mfaSchemas],
  // The seed's four, then the second factor (TOTP with recovery codes).
  routes: [login, logout, me, refresh, mfaVerify, mfaTotpBegin, mfaTotpConfirm, mfaTotpDisable, mfaEnroll, mfaEnrollConfirm],
};
