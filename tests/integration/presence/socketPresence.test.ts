import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import type { LiveDevice } from '../../../shared/api/presence';
import { OutletIdSchema } from '../../../shared/ids';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_NODE_ID: 'node-under-test' });

async function open(token: string | null, extra = ''): Promise<WebSocket> {
  const auth = token ? `&token=${encodeURIComponent(token)}` : '';
  const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}${auth}${extra}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

async function closed(ws: WebSocket): Promise<void> {
  const done = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  ws.close();
  await done;
}

/** Polls until `check` holds; the server registers and removes sockets on its own events. */
async function eventually(read: () => Promise<LiveDevice[]>, check: (devices: LiveDevice[]) => boolean): Promise<LiveDevice[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const devices = await read();
    if (check(devices)) return devices;
    if (Date.now() > deadline) return devices;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('socket presence', () => {
  it('shows a connected outlet socket with its device and app, and drops it when the socket closes', async () => {
    const ws = await open(t.outlet.token, '&device=tablet-1&app=outlet');
    const present = await eventually(
      () => t.server.presence.devicesOfOutlet(OutletIdSchema.parse(t.outlet.user.outletId)),
      (d) => d.length === 1,
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
    await closed(ws);
    expect(
      await eventually(
        () => t.server.presence.list(),
        (d) => d.length === 0,
      ),
    ).toEqual([]);
  });

  it('lists a client that names no device as its user, app unknown', async () => {
    const ws = await open(t.driver.token);
    const present = await eventually(
      () => t.server.presence.list(),
      (d) => d.length === 1,
    );
    expect(present).toEqual([
      expect.objectContaining({ userId: t.driver.user.id, role: 'driver', outletId: null, app: 'unknown', deviceId: null }),
    ]);
    await closed(ws);
  });

  it('does not list tracking-page sockets, which have no sign-in', async () => {
    const ws = await open(null);
    expect(await t.server.presence.list()).toEqual([]);
    await closed(ws);
  });
});
