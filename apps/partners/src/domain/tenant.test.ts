import { describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import { validateTenantCreate, validateTenantPatch } from './tenant.ts';
import { DEFAULT_TENANT_SETTINGS, readTenantSettings } from './tenant-settings.ts';
import { assertCanAddTenant } from './tenant-quota.ts';

describe('tenant rules', () => {
  it('applies default settings and empty branding', () => {
    const valid = validateTenantCreate({ name: 'Acme EU', slug: 'acme-eu', contactEmail: 'it@acme.test' });
    expect(valid.settings).toEqual(DEFAULT_TENANT_SETTINGS);
    expect(valid.branding.logo_url).toBeNull();
  });

  it('merges settings and branding patches over the current values', () => {
    const current = {
      settings: { mfa_required: true, password_policy: { min_length: 14, require_digit: true }, session_timeout_minutes: 60 },
      branding: { display_name: 'Acme', logo_url: 'https://cdn.test/logo.png' },
    };
    const patch = validateTenantPatch(
      { settings: { password_policy: { min_length: 16 } }, branding: { logo_url: null, primary_color: '#112233' } },
      current,
    );
    expect(patch.settings).toEqual({
      mfa_required: true,
      password_policy: { ...DEFAULT_TENANT_SETTINGS.password_policy, min_length: 16, require_digit: true },
      session_timeout_minutes: 60,
    });
    expect(patch.branding).toMatchObject({ display_name: 'Acme', logo_url: null, primary_color: '#112233' });
  });

  it('rejects out-of-range settings and bad branding with their locations', () => {
    try {
      validateTenantCreate({
        name: 'x',
        slug: 'xx',
        contactEmail: 'x@x.test',
        settings: { password_policy: { min_length: 4 }, session_timeout_minutes: 1 },
        branding: { primary_color: 'red', logo_url: 'javascript:alert(1)' },
      });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('validation_error');
      expect((error as AppError).issues?.map((i) => i.loc.join('.'))).toEqual([
        'body.settings.password_policy.min_length',
        'body.settings.session_timeout_minutes',
        'body.branding.logo_url',
        'body.branding.primary_color',
      ]);
    }
  });

  it('completes stored settings of an older shape with defaults', () => {
    expect(readTenantSettings({ mfa_required: true })).toEqual({ ...DEFAULT_TENANT_SETTINGS, mfa_required: true });
    expect(readTenantSettings(null)).toEqual(DEFAULT_TENANT_SETTINGS);
  });
});

describe('tenant quota', () => {
  const partner = { id: 'prt_a', status: 'ACTIVE' as const, maxTenants: 2, deletedAt: null };

  it('admits tenants up to max_tenants', () => {
    expect(() => assertCanAddTenant(partner, 1)).not.toThrow();
    expect(() => assertCanAddTenant(partner, 2)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => assertCanAddTenant({ ...partner, maxTenants: 0 }, 0)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('needs an active, existing partner', () => {
    expect(() => assertCanAddTenant(null, 0)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => assertCanAddTenant({ ...partner, deletedAt: new Date() }, 0)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => assertCanAddTenant({ ...partner, status: 'SUSPENDED' }, 0)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});
