import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_INBOX, orderDocName, outletInboxName } from '../../../shared/docNames';
import { OutletIdSchema } from '../../../shared/ids';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder } from '../support/api';
import { FakeFcm, type FcmRequest } from '../support/fakeFcm';
import { ManualClock } from '../support/manualClock';
import { MuxTestClient } from '../support/muxClient';
import { pushTokenFor, registerPush } from '../support/pushDevices';
import { DEMO_OUTLET, startTestServer } from '../support/server';

const MIN = 60_000;
const EVERY = 1_000;
const outletId = OutletIdSchema.parse(DEMO_OUTLET);

let fake: FakeFcm;
let server: DabbaServer;
let clock: ManualClock;
const clients: MuxTestClient[] = [];
beforeAll(async () => {
  fake = await FakeFcm.start();
});
afterAll(() => fake.close());
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
  fake.reset();
});

/** Lets `ms` of watch time pass, one look at a time. */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= EVERY) await clock.tick(EVERY, EVERY);
}

/** Moves the server's clock on until FCM has seen `count` requests: the wake-up's gathering window runs on it too. */
async function untilSent(count: number): Promise<FcmRequest[]> {
  const deadline = Date.now() + 5_000;
  while (fake.requests.length < count) {
    if (Date.now() > deadline) throw new Error(`FCM saw ${fake.requests.length} requests, not ${count}`);
    clock.advance(100);
    await new Promise((r) => setTimeout(r, 20));
  }
  return fake.requests;
}

/** Waits until presence lists `count` devices of the outlet. */
async function connectedDevices(count: number): Promise<void> {
  const deadline = Date.now() + 5_000;
  while ((await server.presence.devicesOfOutlet(outletId)).length !== count) {
    if (Date.now() > deadline) throw new Error(`presence never listed ${count} devices of the outlet`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('wake-ups the outlet watch sends', () => {
  it('wakes the outlet’s devices whose sockets are gone when an order goes unanswered, then the admins', async () => {
    clock = new ManualClock();
    server = await startTestServer(
      {
        DABBA_FCM_ENDPOINT: fake.url,
        DABBA_OUTLET_WATCH_MS: String(EVERY),
        DABBA_OUTLET_OFFLINE_PAUSE_MS: String(5 * MIN),
        DABBA_UNANSWERED_ESCALATE_MS: String(3 * MIN),
        DABBA_UNANSWERED_ALERT_MS: String(6 * MIN),
      },
      { clock },
    );
    const s = await loginAll(server.url);
    await registerPush(server.url, s.outlet, pushTokenFor('counter'), 'outlet', 'counter-tablet');
    await registerPush(server.url, s.outlet, pushTokenFor('kitchen'), 'outlet', 'kitchen-tablet');
    await registerPush(server.url, s.admin, pushTokenFor('admin'), 'admin', 'admin-laptop');
    clients.push(await MuxTestClient.connect(server.url, s.outlet.token, { device: 'counter-tablet', app: 'outlet' }));
    await connectedDevices(1);
    const { orderId } = await placeOrder(server.url);

    await pass(3 * MIN + 2 * EVERY);
    const [kitchen] = await untilSent(1);
    expect(kitchen).toMatchObject({
      token: pushTokenFor('kitchen'),
      status: 200,
      data: { kind: 'unanswered', docs: JSON.stringify([orderDocName(orderId), outletInboxName(outletId)]) },
    });

    await pass(3 * MIN);
    const [, admin] = await untilSent(2);
    expect(admin).toMatchObject({ token: pushTokenFor('admin'), data: { kind: 'admin_alert', docs: JSON.stringify([ADMIN_INBOX]) } });
    expect(fake.requests.map((r) => r.token)).not.toContain(pushTokenFor('counter'));
  });
});
