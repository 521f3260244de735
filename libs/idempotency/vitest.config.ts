import { defineConfig } from 'vitest/config';

// Integration tests talk to the real PostgreSQL and NATS; give their setup room.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 20_000, hookTimeout: 30_000 },
});
