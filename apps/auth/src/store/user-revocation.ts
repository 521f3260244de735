import type { Tx } from './prisma.ts';

/**
 * Ends everything a person holds, at once (deactivation, suspension): every refresh-token
 * family of the admin sign-in, every artefact of the OpenID provider bound to the account
 * (sign-in sessions, grants, codes, refresh and opaque access tokens, in every issuer),
 * and every invitation not yet used. Returns the session families that were still live.
 */
export async function revokeEverything(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const live = await tx.session.findMany({ where: { userId, status: 'active' }, select: { familyId: true }, distinct: ['familyId'] });
  await tx.session.updateMany({ where: { userId, status: { not: 'revoked' } }, data: { status: 'revoked' } });
  await tx.$executeRaw`DELETE FROM oidc_payloads WHERE payload->>'accountId' = ${userId}`;
  await tx.invitation.updateMany({ where: { userId, acceptedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  return live.map((row) => row.familyId);
}
