import { defineConfig } from 'vitest/config';

// One platform of its own (crash-platform.ts), whose apps the tests kill and restart;
// the scenarios run one after another against it.
export default defineConfig({
  test: {
    include: ['src/**/*.crash.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
