import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The same server suite runs twice: against SQLite and against MariaDB/MySQL
 * (LUOSHI_TEST_DB). Files run one at a time (2 cores; each file starts its own server).
 */
export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build for our sources while type-graphql, loaded by Node,
    // uses the CommonJS one; graphql rejects objects from "another realm". One build for all.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    fileParallelism: false,
    setupFiles: ['reflect-metadata'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['test/server/**/*.test.ts'], env: { LUOSHI_TEST_DB: 'sqlite' } } },
      { extends: true, test: { name: 'mariadb', include: ['test/server/**/*.test.ts'], env: { LUOSHI_TEST_DB: 'mariadb' } } },
      // The console in headless Chromium, once, on SQLite; the console is built first (globalSetup).
      {
        extends: true,
        test: {
          name: 'admin',
          include: ['test/admin/**/*.test.ts'],
          env: { LUOSHI_TEST_DB: 'sqlite' },
          globalSetup: ['test/admin/global-setup.ts'],
          testTimeout: 240_000,
        },
      },
    ],
  },
});
