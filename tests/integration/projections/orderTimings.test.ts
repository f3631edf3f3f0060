import { afterAll, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId, type OrderId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import type { OrderEvent } from '../../../shared/order/events';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { TIMING_COLUMNS } from '../../../sync-server/storage/orderTimingsIndex';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, login, placeOrder } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { startTestServer } from '../support/server';

const MINUTE = 60_000;
const servers: DabbaServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function started(env: Record<string, string> = {}) {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

/** The outlet tablet appends events to the order, as the app does; returns once the index has followed them (commit hooks). */
async function outletDoes(server: DabbaServer, orderId: OrderId, events: (by: OrderEvent['by']) => OrderEvent[]): Promise<void> {
  const outlet = await login(server.url, 'outlet');
  const tablet = await MuxTestClient.connect(server.url, outlet.token);
  await tablet.open(orderDocName(orderId));
  for (const event of events(authorOf(outlet))) {
    const answer = await tablet.change(orderDocName(orderId), (d) => eventsArray(d).push([event]));
    expect(answer.type).toBe(MuxType.ACK);
  }
  tablet.close();
  await server.hooksSettled();
}

const timingsRow = (server: DabbaServer, orderId: OrderId) =>
  server.sql.selectFrom('orders').select(TIMING_COLUMNS).where('id', '=', orderId).executeTakeFirst();

describe('order timings in the index', () => {
  it('follow an order as the outlet works on it', async () => {
    const server = await started();
    const { orderId } = await placeOrder(server.url);
    const t0 = Date.now();
    await outletDoes(server, orderId, (by) => [
      { id: newEventId(), type: 'accepted', at: t0 + MINUTE, by, prepMinutes: 10 },
      { id: newEventId(), type: 'ready', at: t0 + 2 * MINUTE, by },
      { id: newEventId(), type: 'handed_over', at: t0 + 3 * MINUTE, by },
    ]);
    expect(await timingsRow(server, orderId)).toEqual({
      accepted_at: t0 + MINUTE,
      prep_minutes: 10,
      delay_minutes: 0,
      ready_at: t0 + 2 * MINUTE,
      picked_up_at: t0 + 3 * MINUTE,
      finished_at: t0 + 3 * MINUTE,
      promised_at: t0 + 11 * MINUTE,
      late: 0,
      end_reason: null,
      cash_due: 18000,
      timings_version: 1,
    });
  });

  it('are filled in at start for orders indexed before they were kept', async () => {
    const first = await started();
    const { orderId } = await placeOrder(first.url);
    await outletDoes(first, orderId, (by) => [{ id: newEventId(), type: 'rejected', at: Date.now(), by, reason: 'Out of dosa batter' }]);
    // As an order indexed by a server from before the timing columns.
    await first.sql
      .updateTable('orders')
      .set({ finished_at: null, end_reason: null, cash_due: null, timings_version: null })
      .where('id', '=', orderId)
      .execute();
    await first.close();

    const again = await started({ DATA_DIR: first.dataDir });
    const row = await pollUntil(
      () => timingsRow(again, orderId),
      (r) => r?.timings_version === 1,
      'the timings to be written',
    );
    expect(row).toMatchObject({ end_reason: 'Out of dosa batter', cash_due: 18000, late: null, finished_at: expect.any(Number) });
  });
});
