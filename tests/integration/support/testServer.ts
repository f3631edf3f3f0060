import { afterAll, beforeAll } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from './api';
import { startTestServer } from './server';

export interface TestServer extends DemoSessions {
  readonly server: DabbaServer;
  readonly url: string;
}

/**
 * The real server for one test file, started before its tests with every demo account signed in,
 * and stopped after them. The fields are there from the first test on.
 */
export function useTestServer(env: Record<string, string> = {}): TestServer {
  let started: TestServer | null = null;
  const get = (): TestServer => {
    if (!started) throw new Error('the test server is not started yet: use it inside a test or hook');
    return started;
  };
  beforeAll(async () => {
    const server = await startTestServer(env);
    started = { server, url: server.url, ...(await loginAll(server.url)) };
  });
  afterAll(() => started?.server.close());
  return {
    get server() {
      return get().server;
    },
    get url() {
      return get().url;
    },
    get outlet() {
      return get().outlet;
    },
    get admin() {
      return get().admin;
    },
    get driver() {
      return get().driver;
    },
  };
}
