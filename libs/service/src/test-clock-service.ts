import { unauthorized } from '@scai/api';
import type { ManualClock } from '@scai/clock';
import { unary, type ImplementationOf } from '@scai/grpc';
import { requireRole } from '@scai/permissions';
import type { testing } from '@scai/proto';
import type { PeriodicJob } from './periodic-job.ts';

type TestClockServiceImpl = ImplementationOf<typeof testing.v1.TestClockServiceService>;

/**
 * `testing.v1.TestClockService` of an app with clock-driven jobs: registered only with
 * TEST_CLOCK_CONTROL on (never in production). Places the app's clock, then runs its jobs.
 */
export function testClockServiceImpl(clock: ManualClock, jobs: Pick<PeriodicJob, 'runNow'>): TestClockServiceImpl {
  return {
    setClock: unary(async (request: testing.v1.SetClockRequest, { caller }) => {
      if (!caller) throw unauthorized();
      requireRole(caller, ['super_admin']);
      if (request.now) clock.set(new Date(request.now));
      const jobsApplied = await jobs.runNow();
      return { now: clock.now().toISOString(), jobsApplied };
    }),
  };
}
