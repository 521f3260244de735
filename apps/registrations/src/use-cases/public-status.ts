import { notFound } from '@scai/api';
import { openSecret } from '../domain/secret-box.ts';
import { statusTokenMatches } from '../domain/status-token.ts';
import type { Prisma, RegistrationRequest } from '../generated/prisma/client.ts';
import { lockPublicRequest, markSecretDelivered } from '../store/public-request-store.ts';
import type { RegistrationDeps } from './deps.ts';
import { REQUEST_NOT_FOUND } from './get-registration.ts';

export interface PublicStatus {
  row: RegistrationRequest;
  /** The client secret, on the first read after approval only. */
  clientSecret: string | null;
}

/**
 * The PUBLIC request `id` for the holder of its status token, locked for the rest of the
 * transaction. A wrong token answers 404 like an unknown id (nothing tells them apart).
 */
export async function lockWithToken(deps: RegistrationDeps, tx: Prisma.TransactionClient, id: string, token: string): Promise<RegistrationRequest> {
  const row = await lockPublicRequest(tx, id);
  if (!row || !statusTokenMatches(deps.secrets.statusTokenPepper, token, row.statusTokenHash)) throw notFound(REQUEST_NOT_FOUND);
  return row;
}

/**
 * The status of a public request. After approval the first read also answers the client
 * secret and, in the same transaction, forgets it: the row is locked, so two concurrent
 * reads cannot both get it, and if the transaction fails the secret stays for the next read.
 */
export async function getPublicStatus(deps: RegistrationDeps, id: string, token: string): Promise<PublicStatus> {
  return deps.prisma.$transaction(async (tx) => {
    const row = await lockWithToken(deps, tx, id, token);
    if (row.status !== 'APPROVED' || !row.pendingSecret) return { row, clientSecret: null };
    const clientSecret = openSecret(deps.secrets.credentialsKey, row.pendingSecret, row.id);
    return { row: await markSecretDelivered(tx, row.id, new Date()), clientSecret };
  });
}
