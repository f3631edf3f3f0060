import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import { MuxTestClient } from '../support/muxClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();

function closeOf(url: string): Promise<{ code: number; reason: string }> {
  const ws = new WebSocket(url);
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('the /sync protocol version', () => {
  it('closes a socket from an app older than the server speaks with UPDATE_REQUIRED, signed in or not', async () => {
    const base = `${t.url.replace(/^http/, 'ws')}/sync`;
    for (const url of [
      `${base}?token=${encodeURIComponent(t.outlet.token)}`,
      base,
      `${base}?v=1&token=${encodeURIComponent(t.outlet.token)}`,
      // Version 2 apps parse order events strictly and would drop every event stamped with its device.
      `${base}?v=2&token=${encodeURIComponent(t.outlet.token)}`,
      `${base}?v=x`,
    ]) {
      expect(await closeOf(url), url).toEqual({ code: CloseCode.UPDATE_REQUIRED, reason: 'this app is out of date: reload to update' });
    }
  });

  it(`serves an app that speaks version ${PROTOCOL_VERSION}`, async () => {
    const device = await MuxTestClient.connect(t.url, t.outlet.token);
    await device.open('inbox:outlet:demo-outlet');
    expect(device.closeCode).toBeNull();
    device.close();
  });
});
