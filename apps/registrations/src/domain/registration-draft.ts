import { validationFailed, type ValidationIssue } from '@scai/api';
import { isScope, OIDC_SCOPES } from '@scai/permissions';
import { isAcceptableOrigin, isAcceptableRedirectUri, isWebUrl } from './redirect-uri.ts';
import {
  APPLICATION_TYPES,
  DEFAULT_GRANT_TYPES,
  DEFAULT_REQUESTED_SCOPES,
  GRANT_TYPES,
  REQUEST_SCOPES,
  isApplicationType,
  isConfidentialType,
  isRedirectingType,
  isRequestScope,
  type ApplicationType,
  type RequestScope,
} from './registration-values.ts';

/** `RegistrationRequestCreate` of seed 002, as it arrives (camelCase, anything optional may be absent). */
export interface RegistrationInput {
  scope: string;
  tenantId?: string | null;
  partnerId?: string | null;
  name: string;
  description?: string | null;
  applicationType: string;
  redirectUris?: string[] | null;
  postLogoutRedirectUris?: string[] | null;
  allowedOrigins?: string[] | null;
  requestedScopes?: string[] | null;
  grantTypes?: string[] | null;
  contactEmail: string;
  contactName?: string | null;
  organizationName?: string | null;
  websiteUrl?: string | null;
}

/** A request that passed every rule that needs no lookup: defaults applied, blanks as null. */
export interface RegistrationDraft {
  scope: RequestScope;
  tenantId: string | null;
  partnerId: string | null;
  name: string;
  description: string | null;
  applicationType: ApplicationType;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  requestedScopes: string[];
  grantTypes: string[];
  contactEmail: string;
  contactName: string | null;
  organizationName: string | null;
  websiteUrl: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_NAME = 200;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function list(value: string[] | null | undefined): string[] {
  return [...new Set((value ?? []).map((item) => item.trim()).filter(Boolean))];
}

function issue(field: string, msg: string, type = 'value_error', index?: number): ValidationIssue {
  return { loc: index === undefined ? ['body', field] : ['body', field, index], msg, type };
}

/** Which of tenant_id / partner_id a scope needs, and which it must not carry. */
function scopeIssues(scope: RequestScope, tenantId: string | null, partnerId: string | null): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (scope === 'TENANT' && !tenantId) issues.push(issue('tenant_id', 'tenant_id is required for TENANT scope', 'missing'));
  if (scope === 'PARTNER' && !partnerId) issues.push(issue('partner_id', 'partner_id is required for PARTNER scope', 'missing'));
  if (scope !== 'TENANT' && tenantId) issues.push(issue('tenant_id', `tenant_id is not allowed for ${scope} scope`, 'extra_forbidden'));
  if (scope === 'GLOBAL' && partnerId) issues.push(issue('partner_id', 'partner_id is not allowed for GLOBAL scope', 'extra_forbidden'));
  return issues;
}

function uriIssues(field: string, values: string[], accept: (value: string) => boolean, what: string): ValidationIssue[] {
  return values.flatMap((value, index) => (accept(value) ? [] : [issue(field, `${what}: ${value}`, 'value_error', index)]));
}

function isKnownScope(scope: string): boolean {
  return isScope(scope) || (OIDC_SCOPES as readonly string[]).includes(scope);
}

/**
 * The grant types a request ends up with. The seed's default (authorization_code,
 * refresh_token) means "the usual" and, for a SERVICE application, which only ever
 * uses client_credentials, turns into that.
 */
function effectiveGrants(type: string, asked: string[]): string[] {
  const isDefault = asked.length === 0 || (asked.length === DEFAULT_GRANT_TYPES.length && DEFAULT_GRANT_TYPES.every((g) => asked.includes(g)));
  if (type === 'SERVICE' && isDefault) return ['client_credentials'];
  return asked.length > 0 ? asked : [...DEFAULT_GRANT_TYPES];
}

function grantIssues(type: ApplicationType, grants: string[], redirectUris: string[]): ValidationIssue[] {
  const issues = grants.flatMap((grant, index) =>
    (GRANT_TYPES as readonly string[]).includes(grant) ? [] : [issue('grant_types', `Unsupported grant type: ${grant}`, 'value_error', index)],
  );
  if (type === 'SERVICE' && grants.some((grant) => grant !== 'client_credentials')) {
    issues.push(issue('grant_types', 'A SERVICE application uses client_credentials only'));
  }
  if (grants.includes('client_credentials') && !isConfidentialType(type)) {
    issues.push(issue('grant_types', `client_credentials is only available to confidential applications (WEB, SERVICE)`));
  }
  if (isRedirectingType(type) && grants.includes('authorization_code') && redirectUris.length === 0) {
    issues.push(issue('redirect_uris', `${type} applications using authorization_code need at least one redirect URI`, 'missing'));
  }
  return issues;
}

/**
 * Checks a registration request against every rule that needs no lookup and applies
 * the seed's defaults. Throws 422 `validation_error` listing every problem at once.
 * (TENANT partner resolution and reach are checked afterwards, with the partners service.)
 */
export function buildRegistrationDraft(input: RegistrationInput): RegistrationDraft {
  const issues: ValidationIssue[] = [];
  const scope = input.scope?.trim().toUpperCase() ?? '';
  const applicationType = input.applicationType?.trim().toUpperCase() ?? '';
  const name = text(input.name);
  const contactEmail = text(input.contactEmail);
  const tenantId = text(input.tenantId);
  const partnerId = text(input.partnerId);

  if (!isRequestScope(scope)) issues.push(issue('scope', `scope must be one of ${REQUEST_SCOPES.join(', ')}`, 'enum'));
  else issues.push(...scopeIssues(scope, tenantId, partnerId));
  if (!isApplicationType(applicationType)) {
    issues.push(issue('application_type', `application_type must be one of ${APPLICATION_TYPES.join(', ')}`, 'enum'));
  }
  if (!name) issues.push(issue('name', 'name is required', 'missing'));
  else if (name.length > MAX_NAME) issues.push(issue('name', `name must be at most ${MAX_NAME} characters`, 'string_too_long'));
  if (!contactEmail || !EMAIL.test(contactEmail)) issues.push(issue('contact_email', 'contact_email must be an e-mail address'));

  const redirectUris = list(input.redirectUris);
  const postLogoutRedirectUris = list(input.postLogoutRedirectUris);
  const allowedOrigins = list(input.allowedOrigins);
  const requestedScopes = list(input.requestedScopes);
  const grantTypes = list(input.grantTypes);
  const websiteUrl = text(input.websiteUrl);
  const redirectRule = 'Must be an absolute https URL (http only for localhost)';
  issues.push(...uriIssues('redirect_uris', redirectUris, isAcceptableRedirectUri, redirectRule));
  issues.push(...uriIssues('post_logout_redirect_uris', postLogoutRedirectUris, isAcceptableRedirectUri, redirectRule));
  issues.push(...uriIssues('allowed_origins', allowedOrigins, isAcceptableOrigin, 'Must be an https origin (http only for localhost)'));
  if (websiteUrl && !isWebUrl(websiteUrl)) issues.push(issue('website_url', 'website_url must be an absolute http(s) URL'));

  requestedScopes.forEach((scope, index) => {
    if (!isKnownScope(scope)) issues.push(issue('requested_scopes', `Unknown scope: ${scope}`, 'value_error', index));
  });
  const grants = effectiveGrants(applicationType, grantTypes);
  if (isApplicationType(applicationType)) issues.push(...grantIssues(applicationType, grants, redirectUris));

  if (issues.length > 0 || !isRequestScope(scope) || !isApplicationType(applicationType) || !name || !contactEmail) {
    throw validationFailed(issues);
  }
  return {
    scope,
    tenantId: scope === 'TENANT' ? tenantId : null,
    partnerId: scope === 'GLOBAL' ? null : partnerId,
    name,
    description: text(input.description),
    applicationType,
    redirectUris,
    postLogoutRedirectUris,
    allowedOrigins,
    requestedScopes: requestedScopes.length > 0 ? requestedScopes : [...DEFAULT_REQUESTED_SCOPES],
    grantTypes: grants,
    contactEmail,
    contactName: text(input.contactName),
    organizationName: text(input.organizationName),
    websiteUrl,
  };
}
