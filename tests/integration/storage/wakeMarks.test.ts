import { describe, expect, it } from 'vitest';
import { newOrderId, newUserId } from '../../../shared/ids';
import { WakeMarks, type WakeMark } from '../../../sync-server/storage/wakeMarks';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

describe.each(DIALECTS)('wake marks stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const marks = (): WakeMarks => new WakeMarks(storage().db);

  it('have no mark for an order nothing was decided for yet', async () => {
    expect(await marks().get(newOrderId())).toBeNull();
  });

  it('set the first mark once: a second first mark of the same order loses and changes nothing', async () => {
    const order = newOrderId();
    expect(await marks().advance(order, null, { status: 'placed', driverId: null })).toBe(true);
    expect(await marks().advance(order, null, { status: 'accepted', driverId: null })).toBe(false);
    expect(await marks().get(order)).toEqual({ status: 'placed', driverId: null });
  });

  it('move through an order’s life one transition at a time, each from the mark it holds, never from one it left', async () => {
    const order = newOrderId();
    const [ravi, asha] = [newUserId(), newUserId()];
    const life: WakeMark[] = [
      { status: 'placed', driverId: null },
      { status: 'accepted', driverId: null },
      { status: 'accepted', driverId: ravi },
      { status: 'accepted', driverId: asha },
      { status: 'ready', driverId: asha },
      { status: 'ready', driverId: null },
      { status: 'ready', driverId: ravi },
      { status: 'picked_up', driverId: ravi },
      { status: 'delivered', driverId: ravi },
    ];
    let held: WakeMark | null = null;
    for (const next of life) {
      expect(await marks().advance(order, held, next)).toBe(true);
      // Every earlier mark is stale now, including one that differs only by its driver (or by having none).
      for (const stale of [null, ...life.slice(0, life.indexOf(next))]) {
        if (stale !== null && stale.status === next.status && stale.driverId === next.driverId) continue;
        expect(await marks().advance(order, stale, { status: 'cancelled', driverId: null })).toBe(false);
      }
      expect(await marks().get(order)).toEqual(next);
      held = next;
    }
  });

  it('let exactly one of many callers moving the same mark at once win, for the first mark and for a later one', async () => {
    const order = newOrderId();
    const driver = newUserId();
    const first = await Promise.all(Array.from({ length: 8 }, () => marks().advance(order, null, { status: 'placed', driverId: null })));
    expect(first.filter(Boolean)).toHaveLength(1);
    const from: WakeMark = { status: 'placed', driverId: null };
    const racing = await Promise.all(
      Array.from({ length: 8 }, (_, i) => marks().advance(order, from, { status: 'accepted', driverId: i % 2 === 0 ? driver : null })),
    );
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect((await marks().get(order))?.status).toBe('accepted');
  });

  it('keep each order’s mark apart from every other’s', async () => {
    const [a, b] = [newOrderId(), newOrderId()];
    await marks().advance(a, null, { status: 'placed', driverId: null });
    await marks().advance(b, null, { status: 'placed', driverId: null });
    await marks().advance(a, { status: 'placed', driverId: null }, { status: 'rejected', driverId: null });
    expect(await marks().get(a)).toEqual({ status: 'rejected', driverId: null });
    expect(await marks().get(b)).toEqual({ status: 'placed', driverId: null });
  });

  it('refuse to read a mark whose stored status is not an order status', async () => {
    const order = newOrderId();
    await storage().db.insertInto('order_wake_marks').values({ order_id: order, status: 'teleported', driver_id: null }).execute();
    await expect(marks().get(order)).rejects.toThrow();
  });
});
