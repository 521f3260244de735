/** One throttling rule: at most `maxFailures` failed logins per `windowSeconds`. */
export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
}

export type ThrottleDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Sliding window over the failures recorded for one key (an account or a client address).
 * Limited once the window holds `maxFailures`; it opens again when the oldest of the
 * most recent `maxFailures` failures leaves the window.
 */
export function throttleDecision(failures: readonly Date[], rule: ThrottleRule, now: Date): ThrottleDecision {
  const windowStart = now.getTime() - rule.windowSeconds * 1000;
  const inWindow = failures
    .map((at) => at.getTime())
    .filter((at) => at > windowStart)
    .sort((a, b) => b - a);
  if (inWindow.length < rule.maxFailures) return { limited: false };
  const oldestCounted = inWindow[rule.maxFailures - 1];
  const reopensAt = oldestCounted + rule.windowSeconds * 1000;
  return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
}

/** The stricter of several decisions (the longest wait). */
export function combineDecisions(decisions: readonly ThrottleDecision[]): ThrottleDecision {
  let worst: ThrottleDecision = { limited: false };
  for (const decision of decisions) {
    if (decision.limited && (!worst.limited || decision.retryAfterSeconds > worst.retryAfterSeconds)) worst = decision;
  }
  return worst;
}
