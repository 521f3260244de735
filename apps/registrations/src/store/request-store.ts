import type { VisibilityFilter } from '../domain/visibility.ts';
import type { RequestScope, RequestStatus } from '../domain/registration-values.ts';
import type { Prisma, PrismaClient, RegistrationRequest } from '../generated/prisma/client.ts';

/** The client or the `tx` of an interactive transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** The visibility rule as a WHERE clause, so no query can forget it. */
export function visibleWhere(filter: VisibilityFilter): Prisma.RegistrationRequestWhereInput {
  if (filter.all) return {};
  return {
    scope: { in: filter.scopes },
    ...(filter.partnerId !== undefined ? { partnerId: filter.partnerId } : {}),
    ...(filter.tenantId !== undefined ? { tenantId: filter.tenantId } : {}),
  };
}

export interface ListQuery {
  status?: RequestStatus;
  scope?: RequestScope;
  skip: number;
  take: number;
}

export async function listVisibleRequests(
  db: Db,
  filter: VisibilityFilter,
  query: ListQuery,
): Promise<{ rows: RegistrationRequest[]; total: number }> {
  const where: Prisma.RegistrationRequestWhereInput = {
    AND: [visibleWhere(filter), query.status ? { status: query.status } : {}, query.scope ? { scope: query.scope } : {}],
  };
  const [rows, total] = await Promise.all([
    db.registrationRequest.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: query.skip, take: query.take }),
    db.registrationRequest.count({ where }),
  ]);
  return { rows, total };
}

export function findVisibleRequest(db: Db, filter: VisibilityFilter, id: string): Promise<RegistrationRequest | null> {
  return db.registrationRequest.findFirst({ where: { AND: [{ id }, visibleWhere(filter)] } });
}

/**
 * Locks the row until the transaction ends (so two reviewers of one request run one
 * after the other) and returns it if the caller may see it.
 */
export async function lockVisibleRequest(
  tx: Prisma.TransactionClient,
  filter: VisibilityFilter,
  id: string,
): Promise<RegistrationRequest | null> {
  await tx.$queryRaw`SELECT id FROM registration_requests WHERE id = ${id} FOR UPDATE`;
  return findVisibleRequest(tx, filter, id);
}

export function insertRequest(tx: Db, data: Prisma.RegistrationRequestUncheckedCreateInput): Promise<RegistrationRequest> {
  return tx.registrationRequest.create({ data });
}

/**
 * Moves a request out of PENDING. The status condition makes the move happen at most
 * once even without the row lock; null when the request was no longer PENDING.
 */
export async function updatePendingRequest(
  tx: Db,
  id: string,
  data: Prisma.RegistrationRequestUncheckedUpdateManyInput,
): Promise<RegistrationRequest | null> {
  const { count } = await tx.registrationRequest.updateMany({ where: { id, status: 'PENDING' }, data });
  return count === 1 ? tx.registrationRequest.findUnique({ where: { id } }) : null;
}

/**
 * Claims up to `limit` overdue PENDING requests and marks them EXPIRED. SKIP LOCKED lets
 * several instances run the job at once without waiting for or double-expiring a row.
 */
export async function expireOverdueRequests(tx: Prisma.TransactionClient, now: Date, limit: number): Promise<RegistrationRequest[]> {
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    UPDATE registration_requests SET status = 'EXPIRED', updated_at = ${now}
    WHERE id IN (
      SELECT id FROM registration_requests
      WHERE status = 'PENDING' AND expires_at <= ${now}
      ORDER BY expires_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  if (claimed.length === 0) return [];
  return tx.registrationRequest.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, orderBy: { expiresAt: 'asc' } });
}
