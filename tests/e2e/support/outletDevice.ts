import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { onlineBanner, signInAsOutlet } from './outletPage';
import { TestServer } from './testServer';

/** A kitchen tablet: a browser with its own profile directory, so it survives being closed and reopened. */
export class OutletDevice {
  readonly profileDir = mkdtempSync(path.join(tmpdir(), 'dabba-e2e-tablet-'));
  private context: BrowserContext | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly viewport = { width: 1280, height: 900 },
  ) {}

  /** Launches the browser (again) and opens the outlet app; `init` runs in every page before the app. */
  async open(init?: () => void): Promise<Page> {
    const context = await chromium.launchPersistentContext(this.profileDir, {
      ...chromiumLaunchOptions,
      headless: true,
      viewport: this.viewport,
    });
    this.context = context;
    if (init) await context.addInitScript(init);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${this.baseUrl}/outlet/`);
    return page;
  }

  /** First visit online: sign in, and wait until the service worker serves the app (it must open offline later). */
  async signIn(page: Page): Promise<void> {
    await signInAsOutlet(page);
    await expect(onlineBanner(page)).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  async close(): Promise<void> {
    await this.context?.close();
    this.context = null;
  }
}

/**
 * Runs `scenario` against a fresh server (started) and one tablet, printing the server's log when
 * it fails, and removes both afterwards.
 */
export async function withServerAndTablet(scenario: (server: TestServer, device: OutletDevice) => Promise<void>): Promise<void> {
  const server = await TestServer.create();
  const device = new OutletDevice(server.url);
  try {
    await server.start();
    await scenario(server, device);
  } catch (error) {
    console.error(`server log:\n${server.log}`);
    throw error;
  } finally {
    await device.close();
    await server.stop();
    rmSync(device.profileDir, { recursive: true, force: true });
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
