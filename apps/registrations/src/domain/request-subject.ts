import type { RequestScope, RequestStatus } from './registration-values.ts';

/** What the access rules need to know about a stored registration request. */
export interface RequestSubject {
  scope: RequestScope;
  tenantId: string | null;
  partnerId: string | null;
  requestedBy: string;
  status: RequestStatus;
}
