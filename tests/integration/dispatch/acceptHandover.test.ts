import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import type { DabbaServer } from '../../../sync-server/app';
import type { Waker } from '../../../sync-server/wake/waker';
import { loginAll, placeOrder } from '../support/api';
import { acceptOffer, addDriver, appendAs, offersOf } from '../support/drivers';
import { DELIVERY } from '../support/refusals';
import { startTestServer, tempDataDir } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** How long the order's earlier hooks are held back: longer than an accept and a subscription take here. */
const HELD_MS = 2_000;

describe('accepting an offer', () => {
  it('answers once the order is the driver’s to open, so the phone opening it straight after is let in', async () => {
    // Wake-ups are awaited by the order's hooks, which run in commit order: holding one holds back the
    // projections of every later commit of that order, as a busy node does.
    let holding = false;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const waker: Waker = { wake: () => (holding ? held : Promise.resolve()) };
    const started = await startTestServer({ DATA_DIR: tempDataDir('accept-handover') }, { waker });
    server = started;
    const s = await loginAll(started.url);
    const asha = await addDriver(started.url, s.admin, 'Asha');
    const { orderId } = await placeOrder(started.url, DELIVERY);
    // The placing's own wake-up (the outlet's) must not be the one held: every later hook of the order,
    // the one that offers it to Asha included, would wait behind it.
    await started.hooksSettled();
    holding = true;
    let releaseLater: ReturnType<typeof setTimeout> | undefined;
    try {
      await appendAs(started.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
      await eventually(() => offersOf(asha).has(orderId), 10_000, 'the offer to Asha');
      releaseLater = setTimeout(release, HELD_MS);
      expect((await acceptOffer(started.url, asha, orderId)).status).toBe(200);
      // What the driver app does on the answer: it opens the order.
      const opened = await asha.device.subscribe(orderDocName(orderId));
      expect(opened).toBeInstanceOf(Y.Doc);
    } finally {
      clearTimeout(releaseLater);
      release();
    }
  });
});
