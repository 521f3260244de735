import type { Outbox } from '@scai/events';
import type { Logger } from 'pino';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { expireRegistrations } from '../use-cases/expire-registrations.ts';

export interface ExpiryJob {
  /** One pass now (also what the timer runs). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Every `intervalMs`, moves overdue PENDING requests to EXPIRED (with their events).
 * Runs never overlap within an instance; across instances SKIP LOCKED keeps them apart.
 */
export function startExpiryJob(options: {
  prisma: PrismaClient;
  outbox: Outbox;
  intervalMs: number;
  logger: Logger;
  eventsWritten?: () => void;
}): ExpiryJob {
  const logger = options.logger.child({ component: 'expiry-job' });
  let running: Promise<number> | null = null;
  let stopped = false;

  const runOnce = (): Promise<number> => {
    if (running) return running;
    running = expireRegistrations(options.prisma, options.outbox)
      .then((count) => {
        if (count > 0) {
          logger.info({ expired: count }, 'registration requests expired');
          options.eventsWritten?.();
        }
        return count;
      })
      .catch((err: unknown) => {
        logger.error({ err }, 'expiry run failed; retrying at the next tick');
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, options.intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
