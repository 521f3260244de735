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

const LIFETIME_MESSAGE = 'Input should be an integer from 60 to 86400 seconds';
const validLifetime = (seconds: number) => Number.isInteger(seconds) && seconds >= 60 && seconds <= 86_400;

function unknownScopesOf(scopes: readonly string[]): string[] {
  return scopes.filter((s) => !isScope(s) && !(OIDC_SCOPES as readonly string[]).includes(s));
}

type UrlField = 'redirect_uris' | 'post_logout_redirect_uris' | 'allowed_origins';

/** The problem with a list of URLs (origins for `allowed_origins`), or null. */
function badUrlsMessage(field: UrlField, values: readonly string[]): string | null {
  const check = field === 'allowed_origins' ? isOrigin : isAbsoluteUrl;
  const bad = values.filter((value) => !check(value));
  return bad.length ? `Not a valid ${field === 'allowed_origins' ? 'origin' : 'absolute URL'}: ${bad.join(', ')}` : null;
}

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
  const unknownScopes = unknownScopesOf(allowedScopes);
  if (unknownScopes.length) issue('allowed_scopes', `Unknown scopes: ${unknownScopes.join(', ')}`);

  for (const [field, values] of [
    ['redirect_uris', input.redirectUris],
    ['post_logout_redirect_uris', input.postLogoutRedirectUris],
    ['allowed_origins', input.allowedOrigins],
  ] as const) {
    const msg = badUrlsMessage(field, values);
    if (msg) issue(field, msg);
  }

  const tokenLifetime = input.tokenLifetime || DEFAULT_TOKEN_LIFETIME;
  if (!validLifetime(tokenLifetime)) issue('token_lifetime', LIFETIME_MESSAGE);

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

/** The platform-token scopes: only a GLOBAL application's token can use them (domain.md). */
const PLATFORM_ONLY_SCOPES: readonly string[] = ['admin:read', 'admin:write'];

/** What an admin may change on a registered application; absent fields stay as they are. */
export interface ApplicationPatchInput {
  name?: string | null;
  description?: string | null;
  redirectUris?: string[] | null;
  postLogoutRedirectUris?: string[] | null;
  allowedOrigins?: string[] | null;
  /** Replaces the whole list (never merged with the current one). */
  allowedScopes?: string[] | null;
  tokenLifetime?: number | null;
  status?: string | null;
  /** Fixed after registration: present only to be refused with a 422. */
  scope?: string | null;
  applicationType?: string | null;
  tenantId?: string | null;
  partnerId?: string | null;
}

export const UPDATABLE_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type UpdatableStatus = (typeof UPDATABLE_STATUSES)[number];

export interface ApplicationPatch {
  name?: string;
  description?: string | null;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  allowedOrigins?: string[];
  allowedScopes?: string[];
  tokenLifetime?: number;
  status?: UpdatableStatus;
}

const FIXED_FIELDS = [
  ['scope', 'scope'],
  ['applicationType', 'application_type'],
  ['tenantId', 'tenant_id'],
  ['partnerId', 'partner_id'],
] as const;

/**
 * Checks an update of a registered application (domain.md): scope, type and owner are
 * fixed; `allowed_scopes` replaces the list and must suit the application's scope;
 * `token_lifetime` 60..86400 s; status ACTIVE or DISABLED. Every problem at once (422).
 */
export function applicationPatch(current: { scope: string }, input: ApplicationPatchInput): ApplicationPatch {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, msg: string, type = 'value_error') => issues.push({ loc: ['body', field], msg, type });
  const patch: ApplicationPatch = {};

  for (const [key, field] of FIXED_FIELDS) {
    if (input[key] !== undefined && input[key] !== null) issue(field, `${field} is fixed after registration`, 'frozen_field');
  }

  if (input.name !== undefined && input.name !== null) {
    const name = input.name.trim();
    if (!name) issue('name', 'Field required', 'missing');
    else if (name.length > 200) issue('name', 'String should have at most 200 characters', 'string_too_long');
    else patch.name = name;
  }
  if (input.description !== undefined && input.description !== null) patch.description = input.description.trim() || null;

  for (const [key, field] of [
    ['redirectUris', 'redirect_uris'],
    ['postLogoutRedirectUris', 'post_logout_redirect_uris'],
    ['allowedOrigins', 'allowed_origins'],
  ] as const) {
    const values = input[key];
    if (!values) continue;
    const msg = badUrlsMessage(field, values);
    if (msg) issue(field, msg);
    else patch[key] = unique(values);
  }

  if (input.allowedScopes) {
    const scopes = unique(input.allowedScopes);
    const unknown = unknownScopesOf(scopes);
    const platformOnly = current.scope === 'GLOBAL' ? [] : scopes.filter((scope) => PLATFORM_ONLY_SCOPES.includes(scope));
    if (unknown.length) issue('allowed_scopes', `Unknown scopes: ${unknown.join(', ')}`);
    else if (platformOnly.length) issue('allowed_scopes', `Only a GLOBAL application may hold ${platformOnly.join(', ')}`);
    else patch.allowedScopes = scopes;
  }

  if (input.tokenLifetime !== undefined && input.tokenLifetime !== null) {
    if (!validLifetime(input.tokenLifetime)) issue('token_lifetime', LIFETIME_MESSAGE);
    else patch.tokenLifetime = input.tokenLifetime;
  }

  if (input.status !== undefined && input.status !== null) {
    if (!(UPDATABLE_STATUSES as readonly string[]).includes(input.status)) issue('status', `Input should be ${UPDATABLE_STATUSES.join(' or ')}`, 'enum');
    else patch.status = input.status as UpdatableStatus;
  }

  if (issues.length) throw validationFailed(issues);
  return patch;
}
