import { notFound } from '@scai/api';
import { reachOf, reachWhere, type Caller } from '@scai/permissions';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db, Tx } from '../store/prisma.ts';
import { USER_INCLUDE, type UserWithRoles } from '../store/users.ts';

/**
 * The users a caller may administer, as a query filter: a partner admin's are those of
 * its partner (partner staff and its tenants' users), a tenant admin's those of its
 * tenant. Null: none.
 */
export function usersInReach(caller: Caller): Prisma.UserWhereInput | null {
  return reachWhere(reachOf(caller));
}

export function groupsInReach(caller: Caller): Prisma.GroupWhereInput | null {
  return reachWhere(reachOf(caller));
}

/** The user with this id if the caller reaches it; 404 otherwise (existence is not revealed). */
export async function userInReach(db: Db | Tx, caller: Caller, id: string): Promise<UserWithRoles> {
  const reach = usersInReach(caller);
  const user = reach ? await db.user.findFirst({ where: { AND: [{ id }, reach] }, include: USER_INCLUDE }) : null;
  if (!user) throw notFound('User');
  return user;
}
