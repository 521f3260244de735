import { describe, expect, it } from 'vitest';
import { mfaRequirement } from './mfa-rules.ts';

const none = { totpConfirmed: false, adminMfaRequired: false, holdsAdminRole: false, tenantMfaRequired: false };

describe('mfaRequirement', () => {
  it('asks for a confirmed TOTP whatever the settings', () => {
    expect(mfaRequirement({ ...none, totpConfirmed: true })).toBe('verify');
    expect(mfaRequirement({ ...none, totpConfirmed: true, tenantMfaRequired: true })).toBe('verify');
  });

  it('requires enrollment of admins when the platform says so, and of anyone whose tenant says so', () => {
    expect(mfaRequirement({ ...none, adminMfaRequired: true, holdsAdminRole: true })).toBe('enroll');
    expect(mfaRequirement({ ...none, adminMfaRequired: true, holdsAdminRole: false })).toBe('none');
    expect(mfaRequirement({ ...none, tenantMfaRequired: true })).toBe('enroll');
  });

  it('asks nothing otherwise', () => {
    expect(mfaRequirement(none)).toBe('none');
    expect(mfaRequirement({ ...none, holdsAdminRole: true })).toBe('none');
  });
});
