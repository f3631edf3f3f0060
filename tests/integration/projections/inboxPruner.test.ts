import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_INBOX, orderDocName, outletInboxName } from '../../../shared/docNames';
import { newEventId, type OutletId } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, loginAll, placeOrder, type DemoSessions } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer;
let s: DemoSessions;
beforeAll(async () => {
  server = await startTestServer({ DABBA_INBOX_RETENTION_MS: '400', DABBA_INBOX_SWEEP_MS: '100', DABBA_ORDERS_PER_MINUTE: '100' });
  s = await loginAll(server.url);
});
afterAll(() => server.close());

describe('inbox pruning', () => {
  it('takes a finished order out of the outlet and admin inboxes once it is past the retention, and keeps open orders', async () => {
    const finished = (await placeOrder(server.url)).orderId;
    const open = (await placeOrder(server.url)).orderId;
    const tablet = await MuxTestClient.connect(server.url, s.outlet.token);
    const desk = await MuxTestClient.connect(server.url, s.admin.token);
    const outletInbox = await tablet.open(outletInboxName(s.outlet.user.outletId as OutletId));
    const adminInbox = await desk.open(ADMIN_INBOX);
    expect(inboxOrderIds(outletInbox)).toEqual(expect.arrayContaining([finished, open]));

    await tablet.open(orderDocName(finished));
    const answer = await tablet.change(orderDocName(finished), (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'rejected', at: Date.now(), by: authorOf(s.outlet), reason: 'Out of dosa batter' }]),
    );
    expect(answer.type).toBe(MuxType.ACK);
    // Still listed right after it finished: devices keep the day's finished orders for a while.
    expect(inboxOrderIds(outletInbox)).toContain(finished);

    await eventually(
      () => !inboxOrderIds(outletInbox).includes(finished) && !inboxOrderIds(adminInbox).includes(finished),
      5000,
      'the finished order to leave both inboxes',
    );
    expect(inboxOrderIds(outletInbox)).toContain(open);
    expect(inboxOrderIds(adminInbox)).toContain(open);
    // The order itself is untouched: it can still be opened and searched.
    const doc = await desk.open(orderDocName(finished));
    expect(eventsArray(doc).length).toBe(2);
    tablet.close();
    desk.close();
  });
});
