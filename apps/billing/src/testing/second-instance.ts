import { createOutbox } from '@scai/events';
import { createLogger } from '@scai/telemetry';
import { createPackLifecycle } from '../packs/pack-lifecycle.ts';
import { createPackSubscriptionStore } from '../packs/pack-subscription-store.ts';
import { createPrisma } from '../store/prisma.ts';
import { runDueJobs } from '../subscriptions/jobs/run-due.ts';
import { createSubscriptionStore } from '../subscriptions/subscription-store.ts';

/**
 * The jobs of a second billing instance on the same database (its own connection pool),
 * to prove that two instances running at once never apply the same row twice.
 */
export function secondInstance(databaseUrl: string, subjectPrefix: string) {
  const db = createPrisma(databaseUrl);
  const outbox = createOutbox({ subjectPrefix });
  const store = createSubscriptionStore(db, { outbox });
  const packSubscriptions = createPackSubscriptionStore(db);
  const deps = {
    db,
    store,
    settings: { dunningSuspendDays: 14 },
    eventsWritten: () => undefined,
    logger: createLogger({ name: 'second-instance', level: 'silent' }),
    packs: { packSubscriptions, lifecycle: createPackLifecycle({ subscriptions: store, packSubscriptions, outbox }) },
  };
  return {
    runDueJobs: (now: Date) => runDueJobs(deps, now),
    close: () => db.$disconnect(),
  };
}
