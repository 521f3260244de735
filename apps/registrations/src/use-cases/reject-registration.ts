import { validationFailed } from '@scai/api';
import type { Caller } from '@scai/permissions';
import { assertMayReject } from '../domain/approval-rights.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import type { RegistrationDeps } from './deps.ts';
import { moveRequest } from './move-request.ts';

const MAX_REASON = 2000;

/** PENDING → REJECTED with the reason the requester will be told. */
export async function rejectRegistration(deps: RegistrationDeps, caller: Caller, id: string, reason: string): Promise<RegistrationRequest> {
  const trimmed = reason?.trim() ?? '';
  if (!trimmed) throw validationFailed([{ loc: ['body', 'reason'], msg: 'reason is required', type: 'missing' }]);
  if (trimmed.length > MAX_REASON) {
    throw validationFailed([{ loc: ['body', 'reason'], msg: `reason must be at most ${MAX_REASON} characters`, type: 'string_too_long' }]);
  }
  const { row } = await moveRequest(deps, caller, id, 'reject', {
    authorize: (request) => assertMayReject(caller, request),
    perform: async () => ({
      data: { reviewedBy: caller.subject, reviewedAt: new Date(), rejectionReason: trimmed },
      result: null,
    }),
  });
  return row;
}
