import type { Caller } from '@scai/permissions';
import { assertMayCancel } from '../domain/approval-rights.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import type { RegistrationDeps } from './deps.ts';
import { moveRequest } from './move-request.ts';

/** PENDING → CANCELLED, by the requester or a reviewer. */
export async function cancelRegistration(deps: RegistrationDeps, caller: Caller, id: string): Promise<RegistrationRequest> {
  const { row } = await moveRequest(deps, caller, id, 'cancel', {
    authorize: (request) => assertMayCancel(caller, request),
    perform: async () => ({ data: { cancelledBy: caller.subject, cancelledAt: new Date() }, result: null }),
  });
  return row;
}
