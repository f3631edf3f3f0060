import { rmSync } from 'node:fs';
import { chromium, test, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { TestServer } from './testServer';

export interface FreshServer {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * A new server (empty data dir, demo seed) and browser for each test of the file that calls this,
 * torn down after it; the server's log is printed when a test fails. `env` adds to the server's environment.
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
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('freshServerPerTest: used outside a test');
    return current;
  };
}
