import { defineConfig } from 'vitest/config';

// Integration tests share PostgreSQL and NATS; generous timeouts for a busy 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 } });
