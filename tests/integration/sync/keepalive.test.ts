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

const open = async (autoPong: boolean): Promise<WebSocket> => {
  const { token } = await login(server.url, 'outlet');
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync?v=${PROTOCOL_VERSION}&token=${token}`, { autoPong });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
};

describe('keepalive', () => {
  it('drops a socket that stops answering pings and keeps one that answers', async () => {
    const [silent, healthy] = await Promise.all([open(false), open(true)]);
    const dropped = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    const code = await dropped;
    expect(code).toBe(1006); // terminated without a close frame: the peer is presumed gone
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    healthy.close();
  });
});
