import { describe, expect, it } from 'vitest';
import { platformSchema } from '../../../shared/api/adminPlatform';
import { placeOrder, PICKUP_ORDER } from '../support/api';
import { fcmReplies } from '../support/fakeFcm';
import { getJson } from '../support/http';
import { parseSamples, sampleSum } from '../support/prometheus';
import { pushTokenFor, registerPush } from '../support/pushDevices';
import { useWakeHarness } from '../support/wakeHarness';

const h = useWakeHarness();
const TABLET = pushTokenFor('tablet');

const wakeSends = async (outcome: string) =>
  sampleSum(parseSamples(await (await fetch(`${h.server.url}/metrics`)).text()), 'dabba_wakeup_sends_total', { outcome });

describe('wake-up metrics', () => {
  it('count the pushes FCM took and those it refused', async () => {
    const srv = await h.start();
    await registerPush(srv.url, h.sessions.outlet, TABLET, 'outlet', 'tablet-1');
    await placeOrder(srv.url, PICKUP_ORDER);
    await h.sentAfter(1_000, 1);
    expect(await wakeSends('sent')).toBe(1);

    h.fake.script(TABLET, fcmReplies.invalidArgument());
    await placeOrder(srv.url, PICKUP_ORDER);
    await h.sentAfter(1_000, 2);
    await h.nothingMoreAfter(0);
    expect(await wakeSends('rejected')).toBe(1);
    const platform = platformSchema.parse((await getJson(`${srv.url}/api/admin/platform`, { token: h.sessions.admin.token })).body);
    expect(platform.wakeUps).toEqual({ sent: 1, failed: 1 });
  });
});
