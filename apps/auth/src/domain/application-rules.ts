import { validationFailed, type ValidationIssue } from '@scai/api';
import { isScope, OIDC_SCOPES, type AppScope } from '@scai/permissions';

export const APPLICATION_TYPES = ['WEB', 'SPA', 'NATIVE', 'SERVICE', 'SAML_SP'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];
export const APPLICATION_SCOPES = ['GLOBAL', 'PARTNER', 'TENANT'] as const;
export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export const DEFAULT_TOKEN_LIFETIME = 3600;

/** WEB, SERVICE and SAML_SP keep a secret; SPA and NATIVE are public clients (PKCE). */
export function isConfidential(type: ApplicationType): boolean {
  return type === 'WEB' || type === 'SERVICE' || type === 'SAML_SP';
}

const DEFAULT_GRANTS: Record<ApplicationType, string[]> = {
  WEB: ['authorization_code', 'refresh_token'],
  SPA: ['authorization_code', 'refresh_token'],
  NATIVE: ['authorization_code', 'refresh_token'],
  SERVICE: ['client_credentials'],
  SAML_SP: [],
};

export interface ApplicationInput {
  name: string;
  description?: string | null;
  applicationType: string;
  scope: string;
  tenantId?: string | null;
  partnerId?: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  allowedScopes: string[];
  grantTypes: string[];
  tokenLifetime?: number | null;
}

export interface ApplicationSpec {
  name: string;
  description: string | null;
  applicationType: ApplicationType;
  scope: AppScope;
  tenantId: string | null;
  partnerId: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  allowedScopes: string[];
  grantTypes: string[];
  tokenLifetime: number;
}

function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol.length > 1 && !url.hash;
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Checks a new application against the rules of domain.md and fills in defaults. Every
 * problem is reported at once as a 422 with one issue per field.
 */
export function applicationSpec(input: ApplicationInput): ApplicationSpec {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, msg: string, type = 'value_error') => issues.push({ loc: ['body', field], msg, type });

  const name = input.name.trim();
  if (!name) issue('name', 'Field required', 'missing');
  else if (name.length > 200) issue('name', 'String should have at most 200 characters', 'string_too_long');

  const type = input.applicationType as ApplicationType;
  if (!APPLICATION_TYPES.includes(type)) issue('application_type', `Input should be ${APPLICATION_TYPES.join(', ')}`, 'enum');
  const scope = input.scope as AppScope;
  if (!(APPLICATION_SCOPES as readonly string[]).includes(scope)) issue('scope', `Input should be ${APPLICATION_SCOPES.join(', ')}`, 'enum');

  const tenantId = input.tenantId || null;
  let partnerId = input.partnerId || null;
  if (scope === 'TENANT' && !tenantId) issue('tenant_id', 'A TENANT application needs tenant_id');
  if (scope === 'PARTNER' && !partnerId) issue('partner_id', 'A PARTNER application needs partner_id');
  if (scope === 'PARTNER' && tenantId) issue('tenant_id', 'A PARTNER application has no tenant_id');
  if (scope === 'GLOBAL' && (tenantId || partnerId)) issue('scope', 'A GLOBAL application has neither tenant_id nor partner_id');
  if (scope === 'GLOBAL') partnerId = null;

  let grantTypes = unique(input.grantTypes);
  if (APPLICATION_TYPES.includes(type)) {
    if (grantTypes.length === 0) grantTypes = DEFAULT_GRANTS[type];
    const unknown = grantTypes.filter((grant) => !(GRANT_TYPES as readonly string[]).includes(grant));
    if (unknown.length) issue('grant_types', `Unsupported grant types: ${unknown.join(', ')}`);
    if (type === 'SERVICE' && (grantTypes.length !== 1 || grantTypes[0] !== 'client_credentials')) {
      issue('grant_types', 'A SERVICE application uses client_credentials only');
    }
    if ((type === 'SPA' || type === 'NATIVE') && grantTypes.includes('client_credentials')) {
      issue('grant_types', `A ${type} application is a public client and cannot use client_credentials`);
    }
  }

  const allowedScopes = unique(input.allowedScopes);
  const unknownScopes = allowedScopes.filter((s) => !isScope(s) && !(OIDC_SCOPES as readonly string[]).includes(s));
  if (unknownScopes.length) issue('allowed_scopes', `Unknown scopes: ${unknownScopes.join(', ')}`);

  for (const [field, values, check] of [
    ['redirect_uris', input.redirectUris, isAbsoluteUrl],
    ['post_logout_redirect_uris', input.postLogoutRedirectUris, isAbsoluteUrl],
    ['allowed_origins', input.allowedOrigins, isOrigin],
  ] as const) {
    const bad = values.filter((value) => !check(value));
    if (bad.length) issue(field, `Not a valid ${field === 'allowed_origins' ? 'origin' : 'absolute URL'}: ${bad.join(', ')}`);
  }

  const tokenLifetime = input.tokenLifetime || DEFAULT_TOKEN_LIFETIME;
  if (!Number.isInteger(tokenLifetime) || tokenLifetime < 60 || tokenLifetime > 86_400) {
    issue('token_lifetime', 'Input should be an integer from 60 to 86400 seconds');
  }

  if (issues.length) throw validationFailed(issues);
  return {
    name,
    description: input.description?.trim() || null,
    applicationType: type,
    scope,
    tenantId,
    partnerId,
    redirectUris: unique(input.redirectUris),
    postLogoutRedirectUris: unique(input.postLogoutRedirectUris),
    allowedOrigins: unique(input.allowedOrigins),
    allowedScopes,
    grantTypes,
    tokenLifetime,
  };
}

/** The scopes a client_credentials request gets: all allowed when none asked, else a subset or null. */
export function grantedScopes(requested: string | undefined, allowed: readonly string[]): string[] | null {
  const asked = (requested ?? '').split(' ').filter(Boolean);
  if (asked.length === 0) return [...allowed];
  if (asked.some((scope) => !allowed.includes(scope))) return null;
  return unique(asked);
}
