/** Every permission scope of the platform, `resource:action`. */
export const SCOPES = [
  // Scopes of the product documentation.
  'admin:billing',
  'admin:tenants',
  'admin:partners',
  'admin:subscriptions',
  'admin:users',
  'admin:groups',
  'admin:provisioning',
  'admin:registry',
  'admin:accounting',
  'admin:platform',
  'admin:usage',
  'billing:manage',
  'billing:read',
  'subscriptions:read',
  'services:read',
  'registry:manage',
  // Added by this design.
  'subscriptions:manage',
  'organization:read',
  'organization:manage',
  'usage:report',
  'service-billing:read',
  'service-billing:write',
  // Platform tokens of GLOBAL SERVICE applications (domain.md).
  'admin:read',
  'admin:write',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** OpenID Connect scopes an application may request besides the platform's own. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;
