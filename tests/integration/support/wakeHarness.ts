import { afterAll, afterEach, beforeAll } from 'vitest';
import type { OutletId } from '../../../shared/ids';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from './api';
import { FakeFcm, type FcmRequest } from './fakeFcm';
import { ManualClock } from './manualClock';
import { MuxTestClient } from './muxClient';
import { startTestServer, tempDataDir } from './server';

export interface WakeHarness {
  readonly fake: FakeFcm;
  readonly server: DabbaServer;
  readonly clock: ManualClock;
  readonly sessions: DemoSessions;
  /** A server sending wake-ups to the fake FCM, its timers on a clock the test moves; the previous one is closed. */
  start(env?: Record<string, string>, dataDir?: string): Promise<DabbaServer>;
  /** A device socket, closed after the test. */
  connect(token: string, identity?: { device: string; app: string }): Promise<MuxTestClient>;
  /**
   * Once the server has queued the wake-ups of what the test did (its hooks settled), lets `ms` of its
   * time pass, then waits (real time) until FCM has seen `count` requests.
   */
  sentAfter(ms: number, count: number): Promise<FcmRequest[]>;
  /** Moves the server's clock on in small steps until FCM has seen `count` requests (for wake-ups queued by timed work). */
  untilSent(count: number): Promise<FcmRequest[]>;
  /** Lets `ms` of the server's time (after its hooks settled) and a little real time pass: long enough for anything due to have been sent. */
  nothingMoreAfter(ms: number): Promise<void>;
  /** Waits until presence lists `count` devices of the outlet. */
  connectedDevices(outletId: OutletId, count: number): Promise<void>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One fake FCM for the test file, reset after each test; one server per test, closed after it. */
export function useWakeHarness(): WakeHarness {
  let fake: FakeFcm | null = null;
  let server: DabbaServer | null = null;
  let sessions: DemoSessions | null = null;
  let clock = new ManualClock();
  const clients: MuxTestClient[] = [];
  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the wake harness has no ${what} yet: start() it inside a test`);
    return value;
  };

  beforeAll(async () => {
    fake = await FakeFcm.start();
  });
  afterAll(() => fake?.close());
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server?.close();
    server = null;
    fake?.reset();
  });

  const harness: WakeHarness = {
    get fake() {
      return need(fake, 'fake FCM');
    },
    get server() {
      return need(server, 'server');
    },
    get clock() {
      return clock;
    },
    get sessions() {
      return need(sessions, 'sessions');
    },
    async start(env = {}, dataDir = tempDataDir()) {
      await server?.close();
      clock = new ManualClock();
      server = await startTestServer(
        { DATA_DIR: dataDir, DABBA_FCM_ENDPOINT: harness.fake.url, DABBA_ORDERS_PER_MINUTE: '100', ...env },
        { clock },
      );
      sessions = await loginAll(server.url);
      return server;
    },
    async connect(token, identity) {
      const client = await MuxTestClient.connect(harness.server.url, token, identity);
      clients.push(client);
      return client;
    },
    async sentAfter(ms, count) {
      await harness.server.hooksSettled();
      clock.advance(ms);
      await harness.fake.waitFor((requests) => requests.length >= count);
      return harness.fake.requests;
    },
    async untilSent(count) {
      const deadline = Date.now() + 5_000;
      while (harness.fake.requests.length < count) {
        if (Date.now() > deadline) throw new Error(`FCM saw ${harness.fake.requests.length} requests, not ${count}`);
        clock.advance(100);
        await pause(20);
      }
      return harness.fake.requests;
    },
    async nothingMoreAfter(ms) {
      // Anything the test set off is queued first: a wake-up queued after the clock moved would never be due.
      await harness.server.hooksSettled();
      clock.advance(ms);
      await pause(300);
    },
    async connectedDevices(outletId, count) {
      const deadline = Date.now() + 5_000;
      while ((await harness.server.presence.devicesOfOutlet(outletId)).length !== count) {
        if (Date.now() > deadline) throw new Error(`presence never listed ${count} devices of the outlet`);
        await pause(20);
      }
    },
  };
  return harness;
}
