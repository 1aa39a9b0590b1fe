import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension; they share one machine, so run them one file at a time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
