import type { Clock } from '@scai/clock';
import { runDueJobs, type DueDeps } from './run-due.ts';

export interface SubscriptionJobs {
  /** Runs every sweep now (after a test moved the clock, or on demand); concurrent calls share one run. */
  runNow(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * The scheduler: every `intervalMs` it runs what is due by the app's clock. The timer
 * only decides when to look; which rows move is decided in PostgreSQL (row locks), so
 * a second instance, a missed tick or hours of downtime change nothing but the delay.
 */
export function startSubscriptionJobs(deps: DueDeps & { clock: Clock }, intervalMs: number): SubscriptionJobs {
  let running: Promise<Record<string, number>> | null = null;
  let stopped = false;
  const run = () => {
    running ??= runDueJobs(deps, deps.clock.now()).finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) run().catch((error: unknown) => deps.logger.error({ err: error }, 'subscription jobs failed'));
  }, intervalMs);
  timer.unref();
  return {
    // A run already going may have read the clock before it moved: wait for it, then run afresh.
    async runNow() {
      await running?.catch(() => undefined);
      return run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
