import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { pollUntil } from '../support/poll';
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

describe('socket presence', () => {
  it('shows a connected outlet socket with its device and app, and drops it when the socket closes', async () => {
    const ws = await open(t.outlet.token, '&device=tablet-1&app=outlet');
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
    await closed(ws);
    await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 0,
      'the tablet to leave presence',
    );
  });

  it('lists a client that names no device as its user, app unknown', async () => {
    const ws = await open(t.driver.token);
    const present = await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 1,
      'the socket in presence',
    );
    expect(present).toEqual([
      expect.objectContaining({ userId: t.driver.user.id, role: 'driver', outletId: null, app: 'unknown', deviceId: null }),
    ]);
    await closed(ws);
    await pollUntil(
      () => t.server.presence.list(),
      (d) => d.length === 0,
      'the socket to leave presence',
    );
  });

  it('does not list tracking-page sockets, which have no sign-in', async () => {
    const ws = await open(null);
    expect(await t.server.presence.list()).toEqual([]);
    await closed(ws);
  });
});
