import type { IssueList } from './validation.ts';

/**
 * Slugs name tenants in OIDC issuer URLs (`/api/v1/auth/tenants/{slug}`), so they are
 * lower-case, URL-safe and never need escaping: letters, digits and single inner dashes.
 */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,62}$';
const SLUG = new RegExp(SLUG_PATTERN);

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

export function checkSlug(issues: IssueList, loc: string[], value: string | undefined): void {
  if (value !== undefined && !isSlug(value)) {
    issues.add(loc, 'must be 2-63 lower-case letters, digits or inner dashes', 'value_error.slug');
  }
}
