import { createPrismaPg } from '@scai/db';
import { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export type { PrismaClient };
export type Db = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: createPrismaPg(databaseUrl) });
}
