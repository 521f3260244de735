import { conflict, notFound } from '@scai/api';
import { reachOf, type Caller } from '@scai/permissions';
import { requireAdmin } from '../domain/admin-access.ts';
import type { RequestSubject } from '../domain/request-subject.ts';
import { assertPending, TARGET_STATUS, type RequestAction } from '../domain/transitions.ts';
import { visibilityFilter } from '../domain/visibility.ts';
import { requestEvent, type RequestEventVerb } from '../events/request-events.ts';
import type { Prisma, RegistrationRequest } from '../generated/prisma/client.ts';
import { lockVisibleRequest, updatePendingRequest } from '../store/request-store.ts';
import { REQUEST_NOT_FOUND } from './get-registration.ts';
import type { RegistrationDeps } from './deps.ts';

const VERB_OF: Record<Exclude<RequestAction, 'expire'>, RequestEventVerb> = {
  approve: 'approved',
  reject: 'rejected',
  cancel: 'cancelled',
};

export interface MoveSteps<T> {
  /** Throws 403 unless the caller may take this action on this request. */
  authorize(request: RequestSubject): void;
  /** Work done while the row is locked (e.g. the auth call); returns the columns to set. */
  perform(row: RegistrationRequest): Promise<{ data: Prisma.RegistrationRequestUncheckedUpdateManyInput; result: T }>;
}

/**
 * One move out of PENDING: inside one transaction the row is locked (a concurrent
 * reviewer waits and then sees the final state → 409), visibility (404), rights (403)
 * and state (409) are checked, the work is done, and the new state and its event are
 * written together. A failure anywhere rolls everything back.
 */
export async function moveRequest<T>(
  deps: RegistrationDeps,
  caller: Caller,
  id: string,
  action: Exclude<RequestAction, 'expire'>,
  steps: MoveSteps<T>,
): Promise<{ row: RegistrationRequest; result: T }> {
  requireAdmin(caller, 'write');
  const filter = visibilityFilter(reachOf(caller));
  if (!filter) throw notFound(REQUEST_NOT_FOUND);
  const outcome = await deps.prisma.$transaction(
    async (tx) => {
      const row = await lockVisibleRequest(tx, filter, id);
      if (!row) throw notFound(REQUEST_NOT_FOUND);
      steps.authorize(row);
      assertPending(row.status, action);
      const { data, result } = await steps.perform(row);
      const updated = await updatePendingRequest(tx, id, { ...data, status: TARGET_STATUS[action] });
      if (!updated) throw conflict('Registration request is no longer PENDING');
      await deps.outbox.add(tx, requestEvent(VERB_OF[action], updated));
      return { row: updated, result };
    },
    // The row stays locked across the auth call: longer than its deadline.
    { timeout: deps.settings.grpcDeadlineMs + 5_000, maxWait: deps.settings.grpcDeadlineMs + 5_000 },
  );
  deps.eventsWritten?.();
  return outcome;
}
