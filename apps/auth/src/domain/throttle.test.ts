import { describe, expect, it } from 'vitest';
import { combineDecisions, throttleDecision } from './throttle.ts';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const rule = { maxFailures: 3, windowSeconds: 900 };

describe('throttleDecision', () => {
  it('allows while the window holds fewer failures than the limit', () => {
    expect(throttleDecision([], rule, now)).toEqual({ limited: false });
    expect(throttleDecision([ago(10), ago(20)], rule, now)).toEqual({ limited: false });
  });

  it('limits at the limit and says when the window reopens', () => {
    expect(throttleDecision([ago(10), ago(20), ago(300)], rule, now)).toEqual({ limited: true, retryAfterSeconds: 600 });
  });

  it('ignores failures older than the window', () => {
    expect(throttleDecision([ago(10), ago(20), ago(901), ago(5000)], rule, now)).toEqual({ limited: false });
  });

  it('counts from the most recent failures when there are more than the limit', () => {
    const decision = throttleDecision([ago(800), ago(10), ago(20), ago(30)], rule, now);
    expect(decision).toEqual({ limited: true, retryAfterSeconds: 870 });
  });

  it('never answers a wait below one second', () => {
    expect(throttleDecision([ago(899.9), ago(899.9), ago(899.9)], rule, now)).toEqual({ limited: true, retryAfterSeconds: 1 });
  });
});

describe('combineDecisions', () => {
  it('takes the longest wait', () => {
    expect(combineDecisions([{ limited: false }, { limited: true, retryAfterSeconds: 5 }, { limited: true, retryAfterSeconds: 50 }])).toEqual({
      limited: true,
      retryAfterSeconds: 50,
    });
    expect(combineDecisions([{ limited: false }])).toEqual({ limited: false });
  });
});
