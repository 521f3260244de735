import type { RouteGroup } from '../types.ts';
import { applicationSchemas } from './application-schemas.ts';
import { getApplication } from './get-application.ts';
import { listApplications } from './list-applications.ts';
import { rotateApplicationSecret } from './rotate-application-secret.ts';
import { APPLICATIONS_TAG, DESIGN_ADDITION } from './tag.ts';
import { updateApplication } from './update-application.ts';

export const applicationsGroup: RouteGroup = {
  tag: APPLICATIONS_TAG,
  description: `OAuth applications within your reach: read, edit, disable and rotate secrets (registration goes through registration requests). ${DESIGN_ADDITION}`,
  schemas: applicationSchemas,
  routes: [listApplications, getApplication, updateApplication, rotateApplicationSecret],
};
