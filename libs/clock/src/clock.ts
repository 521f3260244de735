/**
 * The one source of "now" for rules and jobs (trial ends, renewals, reapers, event times),
 * so tests can move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move: unit and integration tests. */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): void;
}

export function manualClock(start: Date = new Date()): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/**
 * The wall clock moved by an offset, for end-to-end tests that jump days ahead while
 * time keeps running: `set` places "now", `advance` moves it on.
 */
export function adjustableClock(): ManualClock {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set: (at) => {
      offsetMs = at.getTime() - Date.now();
    },
    advance: (ms) => {
      offsetMs += ms;
    },
  };
}

/** The test control of a clock exists only when asked for, and never in production. */
export function assertTestClockAllowed(settings: { enabled: boolean; nodeEnv: string }): void {
  if (settings.enabled && settings.nodeEnv === 'production') {
    throw new Error('TEST_CLOCK_CONTROL cannot be on with NODE_ENV=production: moving time is for tests only');
  }
}
