import { describe, expect, it } from 'vitest';
import { ADMIN_INBOX, orderDocName, outletInboxName } from '../../../shared/docNames';
import { OutletIdSchema } from '../../../shared/ids';
import { placeOrder } from '../support/api';
import { pushTokenFor, registerPush } from '../support/pushDevices';
import { DEMO_OUTLET } from '../support/server';
import { useWakeHarness } from '../support/wakeHarness';

const MIN = 60_000;
const EVERY = 1_000;
const outletId = OutletIdSchema.parse(DEMO_OUTLET);
const h = useWakeHarness();

/** Lets `ms` of watch time pass, one look at a time. */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= EVERY) await h.clock.tick(EVERY, EVERY);
}

describe('wake-ups the outlet watch sends', () => {
  it('wakes the outlet’s devices whose sockets are gone when an order goes unanswered, then the admins', async () => {
    const server = await h.start({
      DABBA_OUTLET_WATCH_MS: String(EVERY),
      // clock.tick knows the watch's pass by the period it re-arms; the webhook worker's poll must not share it.
      DABBA_WEBHOOK_POLL_MS: String(60 * MIN),
      DABBA_OUTLET_OFFLINE_PAUSE_MS: String(5 * MIN),
      DABBA_UNANSWERED_ESCALATE_MS: String(3 * MIN),
      DABBA_UNANSWERED_ALERT_MS: String(6 * MIN),
    });
    const { outlet, admin } = h.sessions;
    await registerPush(server.url, outlet, pushTokenFor('counter'), 'outlet', 'counter-tablet');
    await registerPush(server.url, outlet, pushTokenFor('kitchen'), 'outlet', 'kitchen-tablet');
    await registerPush(server.url, admin, pushTokenFor('admin'), 'admin', 'admin-laptop');
    await h.connect(outlet.token, { device: 'counter-tablet', app: 'outlet' });
    await h.connectedDevices(outletId, 1);
    const { orderId } = await placeOrder(server.url);

    await pass(3 * MIN + 2 * EVERY);
    const [kitchen] = await h.untilSent(1);
    expect(kitchen).toMatchObject({
      token: pushTokenFor('kitchen'),
      status: 200,
      data: { kind: 'unanswered', docs: JSON.stringify([orderDocName(orderId), outletInboxName(outletId)]) },
    });

    await pass(3 * MIN);
    const [, alert] = await h.untilSent(2);
    expect(alert).toMatchObject({ token: pushTokenFor('admin'), data: { kind: 'admin_alert', docs: JSON.stringify([ADMIN_INBOX]) } });
    expect(h.fake.requests.map((r) => r.token)).not.toContain(pushTokenFor('counter'));
  });
});
