import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { TrackView } from '../../../shared/track';
import type { DabbaServer } from '../../../sync-server/app';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { OrderTimingsIndex } from '../../../sync-server/storage/orderTimingsIndex';
import { WakeMarks } from '../../../sync-server/storage/wakeMarks';
import { authorOf, login, placeOrder } from '../support/api';
import { getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { startTestServer } from '../support/server';

let server: DabbaServer;
afterEach(async () => {
  vi.restoreAllMocks();
  await server.close();
});

/** Reads the projections make of the order index, its timings and its wake mark, counted from here on. */
function countReads(): () => number {
  const spies = [vi.spyOn(OrderIndex.prototype, 'get'), vi.spyOn(OrderTimingsIndex.prototype, 'get'), vi.spyOn(WakeMarks.prototype, 'get')];
  return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
}

describe('commits that change nothing a projection shows', () => {
  it('cost the projections no read once the order is projected, and a change of status still reaches them all', async () => {
    server = await startTestServer();
    const outlet = await login(server.url, 'outlet');
    const { orderId, trackingUrl } = await placeOrder(server.url);
    const name = orderDocName(orderId);
    const tablet = await MuxTestClient.connect(server.url, outlet.token);
    await tablet.open(name);
    const append = async (event: Record<string, unknown>): Promise<void> => {
      const answer = await tablet.change(name, (d) =>
        eventsArray(d).push([{ id: newEventId(), at: Date.now(), by: authorOf(outlet), ...event }]),
      );
      expect(answer.type).toBe(MuxType.ACK);
      await server.hooksSettled();
    };
    // The first commit after the document loaded projects it whatever it holds.
    await append({ type: 'note', text: 'Table by the window' });

    const reads = countReads();
    for (let i = 0; i < 5; i++) await append({ type: 'note', text: `Note ${i}` });
    expect(reads()).toBe(0);

    await append({ type: 'accepted', prepMinutes: 10 });
    expect(reads()).toBeGreaterThan(0);
    const token = trackingUrl.split('/').pop() ?? '';
    await pollUntil(
      async () => (await getJson<TrackView>(`${server.url}/api/track/${token}`)).body.status,
      (status) => status === 'accepted',
      'the tracking link to say accepted',
    );
    expect((await new OrderIndex(server.sql).get(orderId))?.status).toBe('accepted');
    expect(await new WakeMarks(server.sql).get(orderId)).toMatchObject({ status: 'accepted' });
    expect((await new OrderTimingsIndex(server.sql).get(orderId))?.acceptedAt).not.toBeNull();
    tablet.close();
  });
});
