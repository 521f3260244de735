import type { registrations } from '@scai/proto';

/** A valid TENANT request of tenant `tnt_a1` (partner `prt_a`); override what a test needs. */
export function tenantRequest(overrides: Partial<registrations.v1.CreateRequestRequest> = {}): registrations.v1.CreateRequestRequest {
  return {
    scope: 'TENANT',
    tenantId: 'tnt_a1',
    name: 'Portal',
    applicationType: 'WEB',
    redirectUris: ['https://portal.example.com/callback'],
    postLogoutRedirectUris: [],
    allowedOrigins: [],
    requestedScopes: [],
    grantTypes: [],
    contactEmail: 'dev@example.com',
    contactName: 'Dana',
    ...overrides,
  };
}
