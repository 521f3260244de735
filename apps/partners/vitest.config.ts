import { defineConfig } from 'vitest/config';

// Integration tests start the app against real PostgreSQL and NATS; give their setup room.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 60_000 },
});
