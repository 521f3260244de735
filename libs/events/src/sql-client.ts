/**
 * The slice of a Prisma client the outbox and consumers need. Structural on purpose:
 * any app's generated `PrismaClient` (and the `tx` of its interactive transactions)
 * fits without this library knowing the app's models.
 */
export interface SqlClient {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * A client that can open an interactive transaction (`prisma.$transaction(async (tx) => …)`).
 * `Tx` is inferred from the client, so a consumer's handler receives the app's fully
 * typed transaction client (`tx.tenant.update(…)`), not just the raw methods.
 */
export interface TransactionalDb<Tx extends SqlClient = SqlClient> extends SqlClient {
  $transaction<R>(fn: (tx: Tx) => Promise<R>, options?: { timeout?: number }): Promise<R>;
}
