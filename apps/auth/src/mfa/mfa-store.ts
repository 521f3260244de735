import { randomUUID } from 'node:crypto';
import type { MfaChallenge, UserMfa } from '../generated/prisma/client.ts';
import type { Db, Tx } from '../store/prisma.ts';

// Row ids never leave this app (no typed id prefix needed): plain UUIDs.

export type ChallengePurpose = 'login' | 'enrollment' | 'signed_in';

export function findFactor(db: Db | Tx, userId: string): Promise<UserMfa | null> {
  return db.userMfa.findUnique({ where: { userId } });
}

/** A pending factor (new secret, not confirmed); restarting enrollment replaces the secret. */
export async function savePendingFactor(db: Db, userId: string, sealedSecret: string): Promise<void> {
  await db.userMfa.upsert({
    where: { userId },
    create: { id: randomUUID(), userId, totpSecretEncrypted: sealedSecret },
    update: { totpSecretEncrypted: sealedSecret, confirmedAt: null, lastUsedStep: null },
  });
}

/**
 * Records `step` as the last accepted one, unless that step (or a later one) was already
 * used: the check and the write are one statement, so two requests cannot both spend a code.
 */
export async function spendStep(db: Db | Tx, userId: string, step: number, confirm: Date | null): Promise<boolean> {
  const { count } = await db.userMfa.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }], ...(confirm ? { confirmedAt: null } : { confirmedAt: { not: null } }) },
    data: { lastUsedStep: step, ...(confirm ? { confirmedAt: confirm } : {}) },
  });
  return count === 1;
}

export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: readonly string[]): Promise<void> {
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.createMany({ data: codeHashes.map((codeHash) => ({ id: randomUUID(), userId, codeHash })) });
}

/** Spends one recovery code; false when it is unknown, another user's, or already used. */
export async function spendRecoveryCode(db: Db | Tx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const { count } = await db.mfaRecoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

export function unusedRecoveryCodes(db: Db | Tx, userId: string): Promise<number> {
  return db.mfaRecoveryCode.count({ where: { userId, usedAt: null } });
}

export async function deleteFactor(tx: Tx, userId: string): Promise<void> {
  await tx.userMfa.deleteMany({ where: { userId } });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}

export async function createChallenge(
  db: Db,
  input: { tokenHash: string; userId: string; purpose: ChallengePurpose; boundTo: string | null; clientIp: string | null; userAgent: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Expired challenges of this user are of no use any more.
    await tx.mfaChallenge.deleteMany({ where: { userId: input.userId, expiresAt: { lt: input.now } } });
    await tx.mfaChallenge.create({
      data: {
        id: randomUUID(),
        tokenHash: input.tokenHash,
        userId: input.userId,
        purpose: input.purpose,
        boundTo: input.boundTo,
        clientIp: input.clientIp,
        userAgent: input.userAgent,
        expiresAt: input.expiresAt,
      },
    });
  });
}

/** A challenge that is still usable: right purpose and binding, not spent, not expired. */
export async function findLiveChallenge(db: Db | Tx, tokenHash: string, purpose: ChallengePurpose, boundTo: string | null, now: Date): Promise<MfaChallenge | null> {
  const found = await db.mfaChallenge.findUnique({ where: { tokenHash } });
  if (!found || found.purpose !== purpose || found.boundTo !== boundTo || found.consumedAt || found.expiresAt <= now) return null;
  return found;
}

/** Spends a challenge; false when another request spent it first. */
export async function consumeChallenge(db: Db | Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await db.mfaChallenge.updateMany({ where: { id, consumedAt: null, expiresAt: { gt: now } }, data: { consumedAt: now } });
  return count === 1;
}
