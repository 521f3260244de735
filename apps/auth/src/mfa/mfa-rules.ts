/** What a sign-in needs after a correct password. */
export type MfaRequirement = 'none' | 'verify' | 'enroll';

/**
 * A confirmed TOTP is always asked for. Without one, MFA is required (so the user must
 * enroll first) when the platform requires it of admins (ADMIN_MFA_REQUIRED) and the user
 * holds an admin role, or when the user's tenant requires it (`settings.mfa_required`).
 */
export function mfaRequirement(input: { totpConfirmed: boolean; adminMfaRequired: boolean; holdsAdminRole: boolean; tenantMfaRequired: boolean }): MfaRequirement {
  if (input.totpConfirmed) return 'verify';
  if ((input.adminMfaRequired && input.holdsAdminRole) || input.tenantMfaRequired) return 'enroll';
  return 'none';
}
