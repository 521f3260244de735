export { systemClock, manualClock, adjustableClock, assertTestClockAllowed } from './clock.ts';
export type { Clock, ManualClock } from './clock.ts';
