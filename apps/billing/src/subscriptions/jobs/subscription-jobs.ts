import type { Clock } from '@scai/clock';
import { startPeriodicJob, type PeriodicJob } from '@scai/service';
import { runDueJobs, type DueDeps } from './run-due.ts';

export type SubscriptionJobs = PeriodicJob;

/** Every `intervalMs`, the subscription sweeps (trial conversion, reaper, renewals, dunning, notices) due by the app's clock. */
export function startSubscriptionJobs(deps: DueDeps & { clock: Clock }, intervalMs: number): SubscriptionJobs {
  return startPeriodicJob('subscription jobs', () => runDueJobs(deps, deps.clock.now()), intervalMs, deps.logger);
}
