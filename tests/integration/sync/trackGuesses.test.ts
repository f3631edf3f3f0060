import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trackDocName } from '../../../shared/docNames';
import { newTrackingToken, type TrackingToken } from '../../../shared/ids';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { startTestServer } from '../support/server';

const BUDGET = 5;
let server: DabbaServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server whose tracking-link budget is BUDGET a minute per address, a known tracking token, and a signed-in token. */
async function setUp(): Promise<{ url: string; known: TrackingToken; staffToken: string }> {
  server = await startTestServer({ DABBA_TRACK_LOOKUPS_PER_MINUTE: String(BUDGET), DABBA_ANONYMOUS_SOCKETS_PER_MINUTE: '1000' });
  const { trackingUrl } = await placeOrder(server.url, DELIVERY);
  const known = trackingUrl.split('/track/')[1] as TrackingToken;
  return { url: server.url, known, staffToken: (await loginAll(server.url)).outlet.token };
}

/** Opens `/sync/<docName>`: null once the server starts syncing the document, else the code it closed with. */
function plainOutcome(url: string, docName: string, token: string | null): Promise<number | null> {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync/${encodeURIComponent(docName)}${query}`);
  return new Promise((resolve) => {
    ws.once('message', () => {
      ws.close();
      resolve(null);
    });
    ws.once('close', (code) => resolve(code));
  });
}

describe.each([
  { who: 'a signed-in socket', signedIn: true },
  { who: 'an anonymous socket', signedIn: false },
])('tracking-token guesses from $who', ({ signedIn }) => {
  it('on /sync: count against the address budget; past it the socket is refused rate_limited and closed with ABUSE', async () => {
    const { url, known, staffToken } = await setUp();
    const token = signedIn ? staffToken : null;
    const guesser = await MuxTestClient.connect(url, token);
    for (let i = 0; i < BUDGET; i++) {
      const answer = await guesser.subscribe(trackDocName(newTrackingToken()));
      expect(answer instanceof Y.Doc ? 'opened' : answer.code).toBe('not_found');
    }
    const over = await guesser.subscribe(trackDocName(newTrackingToken()));
    expect(over instanceof Y.Doc ? 'opened' : over.code).toBe('rate_limited');
    expect(await guesser.closed()).toBe(CloseCode.ABUSE);

    // A new socket from the same address gets no answer either, even for a real link, until the minute passes.
    const again = await MuxTestClient.connect(url, token);
    const real = await again.subscribe(trackDocName(known));
    expect(real instanceof Y.Doc ? 'opened' : real.code).toBe('rate_limited');
    // HTTP lookups spend the same budget.
    expect((await fetch(`${url}/api/track/${known}`)).status).toBe(429);
  });

  it('on /sync/<docName>: each unknown token closes NOT_FOUND until the budget is spent, then every tracking socket closes with ABUSE', async () => {
    const { url, known, staffToken } = await setUp();
    const token = signedIn ? staffToken : null;
    for (let i = 0; i < BUDGET; i++) expect(await plainOutcome(url, trackDocName(newTrackingToken()), token)).toBe(CloseCode.NOT_FOUND);
    for (let i = 0; i < 3; i++) expect(await plainOutcome(url, trackDocName(newTrackingToken()), token)).toBe(CloseCode.ABUSE);
    expect(await plainOutcome(url, trackDocName(known), token)).toBe(CloseCode.ABUSE);
  });
});

describe('tracking links within the budget', () => {
  it('open as before, and opening real links spends nothing', async () => {
    const { url, known, staffToken } = await setUp();
    for (let i = 0; i < 3 * BUDGET; i++) expect(await plainOutcome(url, trackDocName(known), i % 2 ? staffToken : null)).toBeNull();
    const page = await MuxTestClient.connect(url, null);
    expect((await page.subscribe(trackDocName(known))) instanceof Y.Doc).toBe(true);
    page.close();
  });
});
