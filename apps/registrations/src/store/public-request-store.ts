import type { Prisma, RegistrationRequest } from '../generated/prisma/client.ts';

/**
 * A PUBLIC request by id, locked until the transaction ends, whatever its visibility to
 * admins (the status token, checked by the caller, is what grants access).
 */
export async function lockPublicRequest(tx: Prisma.TransactionClient, id: string): Promise<RegistrationRequest | null> {
  await tx.$queryRaw`SELECT id FROM registration_requests WHERE id = ${id} FOR UPDATE`;
  return tx.registrationRequest.findFirst({ where: { id, source: 'PUBLIC' } });
}

/** Forgets the sealed secret of a request once its requester has it. */
export function markSecretDelivered(tx: Prisma.TransactionClient, id: string, at: Date): Promise<RegistrationRequest> {
  return tx.registrationRequest.update({ where: { id }, data: { pendingSecret: null, secretDeliveredAt: at } });
}
