export { systemClock, manualClock } from './clock.ts';
export type { Clock, ManualClock } from './clock.ts';
