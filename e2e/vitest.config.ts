import { defineConfig } from 'vitest/config';

// One platform for the whole suite (started the way `npm start` does, on its own ports,
// databases and event stream); files run one after another against it.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
