import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_NODE_ID: 'node-under-test' });

describe('socket presence', () => {
  it('shows a connected outlet socket with its device and app, and drops it when the socket closes', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token, { device: 'tablet-1', app: 'outlet' });
    const present = await pollUntil(
      () => t.server.presence.devicesOfOutlet(OutletIdSchema.parse(t.outlet.user.outletId)),
      (d) => d.length === 1,
      'the tablet in presence',
    );
    expect(present).toEqual([
      expect.objectContaining({
        userId: t.outlet.user.id,
        role: 'outlet',
        outletId: t.outlet.user.outletId,
        app: 'outlet',
        deviceId: 'tablet-1',
        node: 'node-under-test',
      }),
    ]);
    tablet.close();
    await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 0,
      'the tablet to leave presence',
    );
  });

  it('lists a client that names no device as its user, app unknown', async () => {
    const stock = await MuxTestClient.connect(t.url, t.driver.token);
    const present = await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 1,
      'the socket in presence',
    );
    expect(present).toEqual([
      expect.objectContaining({ userId: t.driver.user.id, role: 'driver', outletId: null, app: 'unknown', deviceId: null }),
    ]);
    stock.close();
    await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 0,
      'the socket to leave presence',
    );
  });

  it('does not list tracking-page sockets, which have no sign-in', async () => {
    const tracking = await MuxTestClient.connect(t.url, null);
    expect(await t.server.presence.list()).toEqual([]);
    tracking.close();
    await tracking.closed();
  });
});
