import { conflict } from '@scai/api';
import { assertPending } from '../domain/transitions.ts';
import { requestEvent } from '../events/request-events.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import { updatePendingRequest } from '../store/request-store.ts';
import { PUBLIC_REQUESTER } from './create-public-registration.ts';
import type { RegistrationDeps } from './deps.ts';
import { lockWithToken } from './public-status.ts';

/** PENDING → CANCELLED by the holder of the status token (404 for a wrong one, 409 unless PENDING). */
export async function cancelPublicRegistration(deps: RegistrationDeps, id: string, token: string): Promise<RegistrationRequest> {
  const row = await deps.prisma.$transaction(async (tx) => {
    const locked = await lockWithToken(deps, tx, id, token);
    assertPending(locked.status, 'cancel');
    const updated = await updatePendingRequest(tx, id, { status: 'CANCELLED', cancelledBy: PUBLIC_REQUESTER, cancelledAt: new Date() });
    if (!updated) throw conflict('Registration request is no longer PENDING');
    await deps.outbox.add(tx, requestEvent('cancelled', updated));
    return updated;
  });
  deps.eventsWritten?.();
  return row;
}
