import { rmSync } from 'node:fs';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { TestServer } from './testServer';

export interface FreshServer {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** What the browser reported as blocked by the server's Content-Security-Policy, on every page still open. */
async function cspViolations(browser: Browser): Promise<string[]> {
  const found: string[] = [];
  for (const page of browser.contexts().flatMap((context) => context.pages())) {
    for (const message of await page.consoleMessages({ filter: 'all' })) {
      if (/Content Security Policy/i.test(message.text())) found.push(`${page.url()}: ${message.text()}`);
    }
  }
  return found;
}

/**
 * A new server (empty data dir, demo seed) and browser for each test of the file that calls this,
 * torn down after it; the server's log is printed when a test fails. `env` adds to the server's environment.
 * A test fails too when any of its pages broke the Content-Security-Policy (the apps must work under it).
 */
export function freshServerPerTest(env: Readonly<Record<string, string>> = {}): () => FreshServer {
  let current: FreshServer | null = null;
  test.beforeEach(async () => {
    const server = await TestServer.create();
    await server.start(env);
    current = { server, browser: await chromium.launch(chromiumLaunchOptions) };
  });
  test.afterEach(async () => {
    if (!current) return;
    const { server, browser } = current;
    current = null;
    const info = test.info();
    if (info.status !== info.expectedStatus) console.error(`server log:\n${server.log}`);
    const violations = await cspViolations(browser);
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  });
  return () => {
    if (!current) throw new Error('freshServerPerTest: used outside a test');
    return current;
  };
}
