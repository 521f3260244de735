import { conflict } from '@scai/api';
import { createPrismaPg } from '@scai/db';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createPrismaPg(databaseUrl) });
}

/**
 * A write whose unique key another request took in the meantime answers 409 with our own
 * message (the lookup before it only catches the common case; the index decides races,
 * and the driver's text names constraints, so it never leaves).
 */
export async function conflictOnDuplicate<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw conflict(message);
    throw error;
  }
}
