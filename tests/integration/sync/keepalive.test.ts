import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { login } from '../support/api';
import { startTestServer } from '../support/server';

let server: DabbaServer;
beforeAll(async () => {
  server = await startTestServer({ DABBA_KEEPALIVE_MS: '150' });
});
afterAll(() => server.close());

/** A signed-in socket, and when it closes: listened for from the start, as a slow sign-in of another socket can outlast its life. */
const open = async (autoPong: boolean): Promise<{ ws: WebSocket; closed: Promise<number> }> => {
  const { token } = await login(server.url, 'outlet');
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}&token=${token}`, { autoPong });
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
});
