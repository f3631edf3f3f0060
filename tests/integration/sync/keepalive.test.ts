import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { login } from '../support/api';
import { startTestServer } from '../support/server';

let server: DabbaServer;
let spread: DabbaServer;
beforeAll(async () => {
  server = await startTestServer({ DABBA_KEEPALIVE_MS: '150' });
  spread = await startTestServer({ DABBA_KEEPALIVE_MS: '1000' });
});
afterAll(async () => {
  await server.close();
  await spread.close();
});

/** A signed-in socket, and when it closes: listened for from the start, as a slow sign-in of another socket can outlast its life. */
const open = async (
  autoPong: boolean,
  on: DabbaServer = server,
  signedIn?: string,
): Promise<{ ws: WebSocket; closed: Promise<number> }> => {
  const token = signedIn ?? (await login(on.url, 'outlet')).token;
  const ws = new WebSocket(`${on.url.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}&token=${token}`, { autoPong });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
};

describe('keepalive', () => {
  it('drops a socket that stops answering pings and keeps one that answers', async () => {
    const [silent, healthy] = await Promise.all([open(false), open(true)]);
    const code = await silent.closed;
    expect(code).toBe(1006); // terminated without a close frame: the peer is presumed gone
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
    healthy.ws.close();
  });

  it('pings the sockets a slice at a time over the period, not all in one burst', async () => {
    const { token } = await login(spread.url, 'outlet');
    const sockets = await Promise.all(Array.from({ length: 20 }, () => open(true, spread, token)));
    const firstPings = await Promise.all(
      sockets.map(({ ws }) => new Promise<number>((resolve) => ws.once('ping', () => resolve(performance.now())))),
    );
    // Ten slices of 100 ms: the 20 sockets are pinged across most of the second, two at a time.
    expect(Math.max(...firstPings) - Math.min(...firstPings)).toBeGreaterThan(500);
    for (const { ws } of sockets) ws.close();
  });
});
