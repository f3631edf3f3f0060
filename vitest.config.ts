import { defineConfig } from 'vitest/config';
import { filesChoosingTheirOwnStorage } from './tests/integration/support/storagePasses';
import { REACT_ON_PREACT } from './vite.config';

/** The PostgreSQL pass of the integration suite runs only the files whose storage follows the pass. */
const ONLY_IN_THE_FIRST_PASS = process.env.DABBA_TEST_STORAGE === 'postgres' ? filesChoosingTheirOwnStorage('tests/integration') : [];

export default defineConfig({
  // Client modules under test import React's API; like the built apps, they get Preact's.
  resolve: { alias: REACT_ON_PREACT },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Re-importing each file's module graph was ~110 of the unit run's ~125 s. The files pass in one
          // graph in any order (checked with --sequence.shuffle): none leans on another's module state.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: ONLY_IN_THE_FIRST_PASS,
          globalSetup: ['tests/integration/support/postgresRun.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests start real servers and child processes; two cores run them one file at a time.
          fileParallelism: false,
          // One module graph for every file: re-importing the server's modules per file took ~210 s of a
          // pass. Each test owns its server, port, DATA_DIR, database and Redis prefix, so files share no state.
          isolate: false,
        },
      },
    ],
  },
});
