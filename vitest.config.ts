import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs anywhere in seconds; `emulator` needs the Firebase emulators and the LINE
 * stand-in (scripts/test.ts starts them once for the whole suite) and runs its files one at a time
 * because they share one Firestore.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'domain/**/*.spec.ts',
            'functions/src/**/*.spec.ts',
            'test/line-standin/**/*.spec.ts',
            'scripts/**/*.spec.ts',
            'web/src/**/*.spec.ts',
            'web/*.spec.ts',
          ],
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['test/rules/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/csp-guard.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
