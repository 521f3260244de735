import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './handle-message.ts';

describe('retryDelayMs', () => {
  it('doubles from the initial delay per failed delivery, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((d) => retryDelayMs(d, 1000, 60_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000,
    ]);
  });
});
