import { defineConfig } from 'vitest/config';

// Integration tests start whole services against the real PostgreSQL and NATS; give them room.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
