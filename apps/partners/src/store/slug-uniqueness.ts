import { conflict } from '@scai/api';
import { Prisma } from '../generated/prisma/client.ts';
import { firstFreeSlug, slugFromName } from '../domain/slug.ts';

export type SlugOwner = 'Partner' | 'Tenant';

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function slugTaken(what: SlugOwner) {
  return conflict(`${what} slug is already taken`, { field: 'slug' });
}

/**
 * Turns a unique-constraint violation (Prisma P2002) into a 409 with a message of our
 * own: the driver's text names the constraint and may quote SQL, so it never leaves.
 */
export async function withUniqueSlug<T>(what: SlugOwner, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(what);
    throw error;
  }
}

export interface SlugClaim {
  what: SlugOwner;
  /** The caller's own slug: used as given, and a 409 when taken. */
  requested: string | undefined;
  /** Derived from when no slug was requested. */
  name: string;
  /** Slugs in use (deleted rows included: the unique index covers them) equal to `base` or `base-…`. */
  takenLike: (base: string) => Promise<string[]>;
}

/** Two creates may derive the same free slug at once; the loser looks again. */
const DERIVE_ATTEMPTS = 5;

/**
 * Writes with the requested slug, or with one derived from the name and suffixed
 * (`-2`, `-3`, …) until it is free.
 */
export async function withClaimedSlug<T>(claim: SlugClaim, write: (slug: string) => Promise<T>): Promise<T> {
  if (claim.requested !== undefined) return withUniqueSlug(claim.what, () => write(claim.requested as string));
  const base = slugFromName(claim.name, claim.what.toLowerCase());
  for (let attempt = 1; ; attempt += 1) {
    const slug = firstFreeSlug(base, await claim.takenLike(base));
    try {
      return await write(slug);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt === DERIVE_ATTEMPTS) throw slugTaken(claim.what);
    }
  }
}
