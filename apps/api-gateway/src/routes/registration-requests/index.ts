import type { RouteGroup } from '../types.ts';
import { approveRegistrationRequest } from './approve-registration-request.ts';
import { cancelPublicRegistration } from './cancel-public-registration.ts';
import { cancelRegistrationRequest } from './cancel-registration-request.ts';
import { createPublicRegistration } from './create-public-registration.ts';
import { createRegistrationRequest } from './create-registration-request.ts';
import { getPublicRegistrationStatus } from './get-public-registration-status.ts';
import { getRegistrationRequest } from './get-registration-request.ts';
import { listRegistrationRequests } from './list-registration-requests.ts';
import { rejectRegistrationRequest } from './reject-registration-request.ts';
import { publicRegistrationSchemas } from './public-schemas.ts';
import { registrationRequestSchemas, TAG } from './schemas.ts';

/**
 * Seed 002: the six admin routes of application registration requests, and the three
 * public self-registration routes of the catalog (`+`).
 */
export const registrationRequestsGroup: RouteGroup = {
  tag: TAG,
  description:
    'Requests to register an OAuth application: created by a partner or tenant admin (or publicly, by a prospective customer), then approved, which creates the application and shows its secret once, or rejected or cancelled.',
  schemas: [...registrationRequestSchemas, ...publicRegistrationSchemas],
  routes: [
    listRegistrationRequests,
    createRegistrationRequest,
    cancelRegistrationRequest,
    getRegistrationRequest,
    approveRegistrationRequest,
    rejectRegistrationRequest,
    createPublicRegistration,
    getPublicRegistrationStatus,
    cancelPublicRegistration,
  ],
};
