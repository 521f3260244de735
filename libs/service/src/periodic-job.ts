import type { Logger } from '@scai/telemetry';
import type { Job } from './service-parts.ts';

/** A periodic sweep that a test clock (or an operator) can also run on demand. */
export interface PeriodicJob extends Job {
  /** Runs the sweep now; concurrent calls share one run. Answers what the run applied, by kind. */
  runNow(): Promise<Record<string, number>>;
}

/**
 * Every `intervalMs` runs `sweep`. The timer only decides when to look; what is due is
 * decided by the sweep against the app's clock and in PostgreSQL (row locks), so a second
 * instance, a missed tick or hours of downtime change nothing but the delay.
 */
export function startPeriodicJob(name: string, sweep: () => Promise<Record<string, number>>, intervalMs: number, logger: Logger): PeriodicJob {
  let running: Promise<Record<string, number>> | null = null;
  let stopped = false;
  const run = () => {
    running ??= sweep().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) run().catch((error: unknown) => logger.error({ err: error }, `${name} failed`));
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
