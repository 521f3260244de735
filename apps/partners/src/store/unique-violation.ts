import { conflict } from '@scai/api';
import { Prisma } from '../generated/prisma/client.ts';

/**
 * Turns a unique-constraint violation (Prisma P2002) into a 409 with a message of our
 * own: the driver's text names the constraint and may quote SQL, so it never leaves.
 */
export async function withUniqueSlug<T>(what: 'Partner' | 'Tenant', write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw conflict(`${what} slug is already taken`, { field: 'slug' });
    }
    throw error;
  }
}
