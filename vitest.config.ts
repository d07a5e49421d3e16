import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

// Three projects: the engine, physics, scenario and CLI in Node; Solid components in a DOM
// (jsdom, with the Solid plugin so solid-js resolves to its browser build); and end-to-end
// tests that drive Debian's Chromium against the built page.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/ui/**', 'test/e2e/**', 'test/persist/**'],
        },
      },
      {
        plugins: [solid()],
        resolve: { conditions: ['development', 'browser'] },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}', 'test/persist/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
