import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Each test starts its own server (own port, DATA_DIR and browser profiles), so files run two at a
  // time: most of a test's time is waiting on its apps, and one at a time took the suite past 10 minutes.
  workers: 2,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
});
