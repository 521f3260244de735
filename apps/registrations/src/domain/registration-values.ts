/** The closed vocabularies of a registration request (seed 002, domain.md). */
export const REQUEST_SCOPES = ['GLOBAL', 'PARTNER', 'TENANT'] as const;
export type RequestScope = (typeof REQUEST_SCOPES)[number];

export const REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'EXPIRED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const APPLICATION_TYPES = ['WEB', 'SPA', 'NATIVE', 'SERVICE', 'SAML_SP'] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;

export const DEFAULT_REQUESTED_SCOPES: readonly string[] = ['openid', 'profile', 'email'];
export const DEFAULT_GRANT_TYPES: readonly string[] = ['authorization_code', 'refresh_token'];

/** Confidential clients hold a secret (domain.md: WEB and SERVICE). */
export function isConfidentialType(type: string): boolean {
  return type === 'WEB' || type === 'SERVICE';
}

/** Interactive clients that receive the authorization code at a redirect URI. */
export function isRedirectingType(type: string): boolean {
  return type === 'WEB' || type === 'SPA' || type === 'NATIVE';
}

export function isRequestScope(value: string): value is RequestScope {
  return (REQUEST_SCOPES as readonly string[]).includes(value);
}

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isApplicationType(value: string): value is ApplicationType {
  return (APPLICATION_TYPES as readonly string[]).includes(value);
}
