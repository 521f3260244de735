import type { IssueList } from '@scai/api';

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

/** Room left after a derived slug for a collision suffix such as `-12`. */
const DERIVED_MAX = 56;

/**
 * A slug made from a display name, for callers that do not choose one: accents are
 * folded (`Café Zürich` → `cafe-zurich`), anything else that is not a letter or digit
 * becomes a dash. A name with nothing usable left (e.g. only CJK) gets `fallback`.
 */
export function slugFromName(name: string, fallback: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const dashed = folded.replace(/[^a-z0-9]+/g, '-').slice(0, DERIVED_MAX).replace(/^-+|-+$/g, '');
  return isSlug(dashed) ? dashed : fallback;
}

/** `base` itself when free, else `base-2`, `base-3`, … — the first not in `taken`. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}
