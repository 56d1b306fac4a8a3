import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// A stray `.only` would quietly run a fraction of the tests: it fails the run, locally and in CI.
const allowOnly = false;

export default defineConfig({
  test: {
    allowOnly,
    projects: [
      {
        // WxtVitest swaps `wxt/browser` for an in-memory fake; it does not read wxt.config's vite plugins.
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          allowOnly,
          environment: 'happy-dom',
          setupFiles: ['tests/setup/i18n.ts'],
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/e2e-firefox/**'],
        },
      },
      {
        // The end-to-end tests share constants (messages, fixture ids) with the code, not its fakes.
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'e2e',
          allowOnly,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A real browser on a busy two-core machine: give each bounded wait room.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
      {
        // The Firefox build in Firefox ESR over WebDriver BiDi; one browser per file.
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
    ],
  },
});
