import type { Outbox } from '@scai/events';
import { requestEvent } from '../events/request-events.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { expireOverdueRequests } from '../store/request-store.ts';

const BATCH = 100;

/**
 * Moves every overdue PENDING request to EXPIRED, in batches, each batch with its
 * events in one transaction. Safe to run on several instances at once (SKIP LOCKED and
 * the status condition). Returns how many requests expired.
 */
export async function expireRegistrations(prisma: PrismaClient, outbox: Outbox, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await prisma.$transaction(async (tx) => {
      const rows = await expireOverdueRequests(tx, now, BATCH);
      for (const row of rows) await outbox.add(tx, requestEvent('expired', row));
      return rows.length;
    });
    total += expired;
    if (expired < BATCH) return total;
  }
}
