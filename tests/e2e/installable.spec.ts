import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { freshServerPerTest } from './support/freshServer';

const fresh = freshServerPerTest();

/** The installable apps, each with its own manifest and scope. */
const APPS = ['outlet', 'driver', 'admin'] as const;

for (const app of APPS) {
  test(`the ${app} app is installable: Chromium reports no installability errors`, async () => {
    const { server } = fresh();
    // A profile on disk: Chromium never offers to install from an incognito (in-memory) profile.
    const profile = mkdtempSync(path.join(tmpdir(), 'dabba-install-'));
    const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}/${app}/`);
      // Installability needs the service worker that controls the page.
      await expect
        .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state ?? null), { timeout: 15_000 })
        .toBe('activated');
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
      expect(manifest.url).toBe(`${server.url}/${app}/manifest.webmanifest`);
      expect(manifest.errors).toEqual([]);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
}
