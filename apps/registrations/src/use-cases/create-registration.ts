import { newId } from '@scai/api';
import type { Caller } from '@scai/permissions';
import { requireAdmin } from '../domain/admin-access.ts';
import { expiresAt } from '../domain/expiry.ts';
import { buildRegistrationDraft, type RegistrationInput } from '../domain/registration-draft.ts';
import { requestEvent } from '../events/request-events.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import { insertRequest } from '../store/request-store.ts';
import type { RegistrationDeps } from './deps.ts';
import { resolveCreateTarget } from './resolve-target.ts';

/** Files an admin-initiated request: rules, reach, then the row and its event in one transaction. */
export async function createRegistration(deps: RegistrationDeps, caller: Caller, input: RegistrationInput): Promise<RegistrationRequest> {
  requireAdmin(caller, 'write');
  const draft = buildRegistrationDraft(input);
  const target = await resolveCreateTarget(deps, caller, draft);
  const now = new Date();
  const row = await deps.prisma.$transaction(async (tx) => {
    const created = await insertRequest(tx, {
      ...draft,
      ...target,
      id: newId('registrationRequest'),
      status: 'PENDING',
      source: 'ADMIN',
      requestedBy: caller.subject,
      expiresAt: expiresAt(now, deps.settings.ttlDays),
      createdAt: now,
    });
    await deps.outbox.add(tx, requestEvent('created', created));
    return created;
  });
  deps.eventsWritten?.();
  return row;
}
