import { platformIssuer } from '../domain/claims.ts';

/** Where the platform issuer's endpoints live under the public origin. */
export const PLATFORM_OAUTH_PREFIX = '/api/v1/platform/oauth';
/** The platform JWKS (the same keys sign for every issuer). */
export const PLATFORM_JWKS_PATH = '/api/v1/platform/.well-known/jwks.json';
/** Tenant issuers: `{TENANT_ISSUER_PREFIX}/{slug}`. */
export const TENANT_ISSUER_PREFIX = '/api/v1/auth/tenants';

/** A tenant as its issuer needs it: who owns the applications and users, and its branding name. */
export interface IssuerTenant {
  id: string;
  partnerId: string;
  slug: string;
  /** The branding display name when set, else the tenant's name. */
  displayName: string;
}

/** Which issuer a request is for: the platform (GLOBAL applications) or one tenant (TENANT and PARTNER ones). */
export type IssuerOwner = { kind: 'platform' } | { kind: 'tenant'; tenant: IssuerTenant };

export interface IssuerInfo {
  owner: IssuerOwner;
  /** The issuer identifier (`iss`). */
  issuer: string;
  /** The path under the public origin where this issuer's provider is mounted. */
  mountPath: string;
  /** Path of each endpoint below the mount path (the catalog's paths). */
  routePrefix: '' | '/oauth';
}

export function issuerInfo(publicUrl: string, owner: IssuerOwner): IssuerInfo {
  if (owner.kind === 'platform') {
    return { owner, issuer: platformIssuer(publicUrl), mountPath: PLATFORM_OAUTH_PREFIX, routePrefix: '' };
  }
  const mountPath = `${TENANT_ISSUER_PREFIX}/${owner.tenant.slug}`;
  return { owner, issuer: `${publicUrl}${mountPath}`, mountPath, routePrefix: '/oauth' };
}

/** The name shown on sign-in pages. */
export function brandName(owner: IssuerOwner): string {
  return owner.kind === 'tenant' ? owner.tenant.displayName : 'Platform';
}

/** Slugs as the partners app allows them; anything else cannot name a tenant issuer. */
export function isTenantSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(value);
}
