import { newId } from '@scai/api';
import type { Db, Tx } from './prisma.ts';
import { USER_INCLUDE } from './users.ts';

export function findSessionByTokenHash(db: Db | Tx, tokenHash: string) {
  return db.session.findUnique({ where: { tokenHash }, include: { user: { include: USER_INCLUDE } } });
}

/** One refresh token of a family; the first one's id is the family id (the `sid` claim). */
export async function createSessionToken(
  tx: Tx,
  input: { familyId?: string; userId: string; tokenHash: string; expiresAt: Date; clientIp: string | null; userAgent: string | null },
): Promise<{ id: string; familyId: string }> {
  const id = newId('session');
  const familyId = input.familyId ?? id;
  await tx.session.create({
    data: {
      id,
      familyId,
      userId: input.userId,
      tokenHash: input.tokenHash,
      expiresAt: input.expiresAt,
      clientIp: input.clientIp,
      userAgent: input.userAgent,
    },
  });
  return { id, familyId };
}

/** Spends one token; false when another request spent or revoked it first. */
export async function markRotated(tx: Tx, id: string): Promise<boolean> {
  const { count } = await tx.session.updateMany({ where: { id, status: 'active' }, data: { status: 'rotated' } });
  return count === 1;
}

/** Revokes every token of a family; the count of tokens that were still live. */
export async function revokeFamily(tx: Tx, familyId: string): Promise<number> {
  const live = await tx.session.count({ where: { familyId, status: 'active' } });
  await tx.session.updateMany({ where: { familyId, status: { not: 'revoked' } }, data: { status: 'revoked' } });
  return live;
}

export function familyOwner(db: Db | Tx, familyId: string) {
  return db.session.findFirst({ where: { familyId }, select: { userId: true, user: { select: { tenantId: true, partnerId: true } } } });
}
