import { notFound } from '@scai/api';
import { reachOf, type Caller } from '@scai/permissions';
import { requireAdmin } from '../domain/admin-access.ts';
import { visibilityFilter } from '../domain/visibility.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import { findVisibleRequest } from '../store/request-store.ts';
import type { RegistrationDeps } from './deps.ts';

export const REQUEST_NOT_FOUND = 'Registration request';

/** A request the caller may see; 404 for unknown and invisible ids alike. */
export async function getRegistration(deps: RegistrationDeps, caller: Caller, id: string): Promise<RegistrationRequest> {
  requireAdmin(caller, 'read');
  const filter = visibilityFilter(reachOf(caller));
  const row = filter ? await findVisibleRequest(deps.prisma, filter, id) : null;
  if (!row) throw notFound(REQUEST_NOT_FOUND);
  return row;
}
