import { defineConfig } from 'vitest/config';

// Integration tests start the app on a fresh database each; one file at a time keeps the
// two shared cores from thrashing and argon2 timings sane.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000, fileParallelism: false } });
