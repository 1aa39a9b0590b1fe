import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'cli/**/*.test.ts',
      'contracts/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Components outside a browser take their words from locales/en.yml (components/common/i18n.ts).
    setupFiles: ['components/common/i18n-test-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
