import { defineConfig } from 'vitest/config';
import { REACT_ON_PREACT } from './vite.config';

export default defineConfig({
  // Client modules under test import React's API; like the built apps, they get Preact's.
  resolve: { alias: REACT_ON_PREACT },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/support/postgresRun.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration tests start real servers and child processes; two cores run them one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
