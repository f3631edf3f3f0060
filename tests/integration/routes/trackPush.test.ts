import { describe, expect, it } from 'vitest';
import type { TrackingToken } from '../../../shared/ids';
import { PushTokens } from '../../../sync-server/storage/pushTokens';
import { placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { errorOf, postJson } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const BROWSER_TOKEN = `customer-browser-${'e'.repeat(40)}`;
const tokenOf = (trackingUrl: string): TrackingToken => trackingUrl.split('/track/')[1] as TrackingToken;

describe('POST /api/track/:token/push and DELETE /api/track/:token/push/:pushToken', () => {
  const t = useTestServer({ DABBA_TRACK_LOOKUPS_PER_MINUTE: '3' });
  const pushUrl = (link: string) => `${t.url}/api/track/${link}/push`;

  it('registers a browser for one order through its tracking link alone, and removes it again', async () => {
    const { trackingUrl } = await placeOrder(t.url, DELIVERY);
    const link = tokenOf(trackingUrl);
    const created = await postJson(pushUrl(link), { pushToken: BROWSER_TOKEN });
    expect(created.status).toBe(201);
    expect((await new PushTokens(t.server.sql).ofTrack(link)).map((r) => r.token)).toEqual([BROWSER_TOKEN]);

    expect((await postJson(pushUrl(link), { pushToken: 'short' })).status).toBe(400);
    const removed = await fetch(`${pushUrl(link)}/${BROWSER_TOKEN}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(await new PushTokens(t.server.sql).ofTrack(link)).toEqual([]);
    expect((await fetch(`${pushUrl(link)}/${BROWSER_TOKEN}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('refuses a finished order', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, orderId, { type: 'cancelled', reason: 'out of dosa batter' });
    // The order index learns the cancellation in a hook after the commit; a loaded machine may answer before it.
    await t.server.hooksSettled();
    const refused = await postJson(pushUrl(tokenOf(trackingUrl)), { pushToken: BROWSER_TOKEN });
    expect(refused.status).toBe(409);
    expect(errorOf(refused)?.code).toBe('order_finished');
  });

  it('spends the tracking-lookup budget on unknown links, so links cannot be guessed through it', async () => {
    const { trackingUrl } = await placeOrder(t.url, DELIVERY);
    for (let i = 0; i < 3; i++) expect((await postJson(pushUrl(`guess-${i}`), { pushToken: BROWSER_TOKEN })).status).toBe(404);
    const throttled = await postJson(pushUrl(tokenOf(trackingUrl)), { pushToken: BROWSER_TOKEN });
    expect(throttled.status).toBe(429);
    expect((await fetch(`${t.url}/api/track/${tokenOf(trackingUrl)}`)).status).toBe(429);
  });
});
