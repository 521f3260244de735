import type { IssueList } from '@scai/api';
import { isEmail, isHttpUrl } from './validation.ts';

/** How a tenant's login pages and e-mails look; every field may be null (platform default). */
// A type alias, not an interface: stored as Prisma JSON, which wants an index signature.
export type TenantBranding = {
  display_name: string | null;
  logo_url: string | null;
  favicon_url: string | null;
  primary_color: string | null;
  secondary_color: string | null;
  support_email: string | null;
};

export type BrandingField = keyof TenantBranding;
export const BRANDING_FIELDS: BrandingField[] = ['display_name', 'logo_url', 'favicon_url', 'primary_color', 'secondary_color', 'support_email'];

/** Given fields replace theirs; `null` clears; absent fields stay. */
export type TenantBrandingPatch = Partial<TenantBranding>;

const COLOR = /^#[0-9a-fA-F]{6}$/;

function checkField(issues: IssueList, field: BrandingField, value: string): void {
  const loc = ['branding', field];
  switch (field) {
    case 'display_name':
      if (value.trim().length === 0 || value.length > 100) issues.add(loc, 'must be 1-100 characters');
      return;
    case 'logo_url':
    case 'favicon_url':
      if (value.length > 2048 || !isHttpUrl(value)) issues.add(loc, 'must be an http(s) URL', 'value_error.url');
      return;
    case 'primary_color':
    case 'secondary_color':
      if (!COLOR.test(value)) issues.add(loc, 'must be a colour #RRGGBB', 'value_error.color');
      return;
    case 'support_email':
      if (!isEmail(value)) issues.add(loc, 'must be an e-mail address', 'value_error.email');
  }
}

export function readTenantBranding(stored: unknown): TenantBranding {
  const s = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(BRANDING_FIELDS.map((f) => [f, typeof s[f] === 'string' ? s[f] : null])) as unknown as TenantBranding;
}

/** Merges a branding patch over the current branding and checks the given values. */
export function mergeTenantBranding(issues: IssueList, current: unknown, patch: TenantBrandingPatch | undefined): TenantBranding {
  const merged = readTenantBranding(current);
  if (!patch) return merged;
  for (const field of BRANDING_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value !== null) checkField(issues, field, value);
    merged[field] = value;
  }
  return merged;
}
