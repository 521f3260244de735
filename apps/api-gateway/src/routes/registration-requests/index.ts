import type { RouteGroup } from '../types.ts';
import { approveRegistrationRequest } from './approve-registration-request.ts';
import { cancelRegistrationRequest } from './cancel-registration-request.ts';
import { createRegistrationRequest } from './create-registration-request.ts';
import { getRegistrationRequest } from './get-registration-request.ts';
import { listRegistrationRequests } from './list-registration-requests.ts';
import { rejectRegistrationRequest } from './reject-registration-request.ts';
import { registrationRequestSchemas, TAG } from './schemas.ts';

/** Seed 002: the six admin routes of application registration requests. */
export const registrationRequestsGroup: RouteGroup = {
  tag: TAG,
  schemas: registrationRequestSchemas,
  routes: [
    listRegistrationRequests,
    createRegistrationRequest,
    cancelRegistrationRequest,
    getRegistrationRequest,
    approveRegistrationRequest,
    rejectRegistrationRequest,
  ],
};
