import { describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import { DEFAULT_PARTNER_LIMITS, touchesPlatformGovernedFields, validatePartnerCreate, validatePartnerPatch } from './partner.ts';
import { isSlug } from './slug.ts';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return (error as AppError).issues?.map((issue) => issue.loc.join('.'));
  }
  throw new Error('expected a validation error');
}

describe('partner rules', () => {
  it('fills default limits and trims the name', () => {
    const valid = validatePartnerCreate({ name: ' Acme ', slug: 'acme', contactEmail: 'ops@acme.test' });
    expect(valid).toMatchObject({ name: 'Acme', slug: 'acme', ...DEFAULT_PARTNER_LIMITS, seller: {} });
  });

  it('lists every problem of a new partner at once', () => {
    expect(
      issuesOf(() => validatePartnerCreate({ name: ' ', slug: 'Bad Slug', contactEmail: 'nope', maxTenants: -1, seller: { sellerCountryCode: 'XX' } })),
    ).toEqual(['body.name', 'body.slug', 'body.contact_email', 'body.max_tenants', 'body.seller_country_code']);
  });

  it('allows zero limits and clearing seller fields on update', () => {
    const patch = validatePartnerPatch({ maxTenants: 0, seller: { vatNumber: null } });
    expect(patch.maxTenants).toBe(0);
    expect(patch.seller).toEqual({ vatNumber: null });
  });

  it('knows which fields only the platform may change', () => {
    expect(touchesPlatformGovernedFields({ name: 'x', seller: { legalName: 'X' } })).toBe(false);
    expect(touchesPlatformGovernedFields({ maxTenants: 99 })).toBe(true);
    expect(touchesPlatformGovernedFields({ status: 'SUSPENDED' })).toBe(true);
  });

  it('keeps slugs URL-safe', () => {
    for (const ok of ['acme', 'a1', 'acme-eu-2']) expect(isSlug(ok)).toBe(true);
    for (const bad of ['a', '-acme', 'acme-', 'ac--me', 'ACME', 'acme_eu', 'a'.repeat(64), 'acmé']) expect(isSlug(bad)).toBe(false);
  });
});
