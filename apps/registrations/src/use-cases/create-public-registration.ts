import { newId } from '@scai/api';
import { expiresAt } from '../domain/expiry.ts';
import { buildRegistrationDraft, type RegistrationInput } from '../domain/registration-draft.ts';
import { generateStatusToken, hashStatusToken } from '../domain/status-token.ts';
import { requestEvent } from '../events/request-events.ts';
import { insertRequest } from '../store/request-store.ts';
import type { RegistrationDeps } from './deps.ts';
import { assertTenantPartner, lookupTarget } from './resolve-target.ts';

/** Who filed a public request: nobody the platform knows. */
export const PUBLIC_REQUESTER = 'public';

/**
 * Files a self-registration from an anonymous requester: the same rules as an admin's
 * request, any scope (GLOBAL, or a tenant or partner that exists: 404 otherwise), then the
 * row and its event in one transaction. Answers the status token once; only its keyed hash
 * is stored. (The gateway rate-limits this per client address.)
 */
export async function createPublicRegistration(deps: RegistrationDeps, input: RegistrationInput): Promise<{ id: string; statusToken: string }> {
  const draft = buildRegistrationDraft(input);
  const target = await lookupTarget(deps, draft);
  assertTenantPartner(draft, target);
  const statusToken = generateStatusToken();
  const now = new Date();
  const row = await deps.prisma.$transaction(async (tx) => {
    const created = await insertRequest(tx, {
      ...draft,
      ...target,
      id: newId('registrationRequest'),
      status: 'PENDING',
      source: 'PUBLIC',
      requestedBy: PUBLIC_REQUESTER,
      statusTokenHash: hashStatusToken(deps.secrets.statusTokenPepper, statusToken),
      expiresAt: expiresAt(now, deps.settings.ttlDays),
      createdAt: now,
    });
    await deps.outbox.add(tx, requestEvent('created', created));
    return created;
  });
  deps.eventsWritten?.();
  return { id: row.id, statusToken };
}
